#!/usr/bin/env python3
"""Writes the tiny ONNX models that dev.earshot.judge.onnx tests run (committed beside this script).

Run with Debian's python3-onnx (apt-get install python3-onnx):
    /usr/bin/python3 src/test/resources/onnx/make_models.py

Both models have fixed weights, so the tests can predict their answers exactly:

emotion_toy.onnx  input "waveform" float[batch, samples] -> output "logits" float[batch, 3]
    logits = Gemm([mean(x), mean(x*x)], W, b) for labels calm, neutral, excited:
      calm    = 1 - 4 * energy
      neutral = 2 * mean
      excited = 4 * energy - 1
    A constant 0 is calm (1, 0, -1), 0.5 neutral (0, 1, 0), 1 excited (-3, 2, 3).

ctc_toy.onnx  input "audio" float[batch, 1, samples] -> output "logits" float[batch, frames, 5]
    Frames of 160 samples; a frame's logit k is -100 * (frame mean - k / 4)^2, so its argmax is
    the symbol whose centre 0, .25, .5, .75, 1 lies nearest the frame mean.
    Vocabulary: <blank>, |, h, i, o.
"""
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OUT_DIR = os.path.dirname(os.path.abspath(__file__))
OPSET = [helper.make_opsetid("", 13)]
CTC_FRAME = 160


def save(graph, name):
    model = helper.make_model(graph, opset_imports=OPSET, producer_name="earshot make_models.py")
    model.ir_version = 8  # readable by every ONNX Runtime since 1.10
    onnx.checker.check_model(model)
    onnx.save(model, os.path.join(OUT_DIR, name))


def emotion_toy():
    weights = numpy_helper.from_array(
        np.array([[0.0, 2.0, 0.0], [-4.0, 0.0, 4.0]], dtype=np.float32), "W")
    bias = numpy_helper.from_array(np.array([1.0, 0.0, -1.0], dtype=np.float32), "b")
    nodes = [
        helper.make_node("ReduceMean", ["waveform"], ["mean"], axes=[1], keepdims=1),
        helper.make_node("Mul", ["waveform", "waveform"], ["squares"]),
        helper.make_node("ReduceMean", ["squares"], ["energy"], axes=[1], keepdims=1),
        helper.make_node("Concat", ["mean", "energy"], ["features"], axis=1),
        helper.make_node("Gemm", ["features", "W", "b"], ["logits"]),
    ]
    graph = helper.make_graph(
        nodes, "emotion_toy",
        [helper.make_tensor_value_info("waveform", TensorProto.FLOAT, ["batch", "samples"])],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", 3])],
        [weights, bias])
    save(graph, "emotion_toy.onnx")


def ctc_toy():
    frame_shape = numpy_helper.from_array(np.array([0, -1, CTC_FRAME], dtype=np.int64), "frame_shape")
    centres = numpy_helper.from_array(np.array([0.0, 0.25, 0.5, 0.75, 1.0], dtype=np.float32), "centres")
    sharpness = numpy_helper.from_array(np.array(-100.0, dtype=np.float32), "sharpness")
    nodes = [
        helper.make_node("Reshape", ["audio", "frame_shape"], ["frames"]),
        helper.make_node("ReduceMean", ["frames"], ["frame_mean"], axes=[2], keepdims=1),
        helper.make_node("Sub", ["frame_mean", "centres"], ["distance"]),
        helper.make_node("Mul", ["distance", "distance"], ["squared"]),
        helper.make_node("Mul", ["squared", "sharpness"], ["logits"]),
    ]
    graph = helper.make_graph(
        nodes, "ctc_toy",
        [helper.make_tensor_value_info("audio", TensorProto.FLOAT, ["batch", 1, "samples"])],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", "frames", 5])],
        [frame_shape, centres, sharpness])
    save(graph, "ctc_toy.onnx")


if __name__ == "__main__":
    emotion_toy()
    ctc_toy()
