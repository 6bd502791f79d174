"""Checks every training script in examples/ without TRL, torch or a model: its arguments, its
device and precision choice, and the GRPO example's reward call against a local fake Earshot.

Run: python3 -m unittest discover -s examples/tests (ExamplePythonTest runs it in the Maven build).
"""

import base64
import glob
import http.server
import importlib
import importlib.util
import json
import os
import shutil
import sys
import threading
import unittest

EXAMPLES = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, EXAMPLES)

import earshot_device  # noqa: E402
from earshot_device import Hardware, choose  # noqa: E402

# Modules in examples/ that train nothing: the device choice itself and the tiny model's builder.
NOT_TRAINING = {"earshot_device", "make_tiny_model"}
SCRIPTS = sorted(
    name
    for name in (os.path.splitext(os.path.basename(path))[0]
                 for path in glob.glob(os.path.join(EXAMPLES, "*.py")))
    if name not in NOT_TRAINING
)
# The arguments each script needs at the least.
REQUIRED_ARGUMENTS = {
    "trl_dpo": ["earshot-export"],
    "trl_grpo_remote_reward": ["--reward-url", "http://localhost:8080/api/reward/key"],
}

CPU_ONLY = Hardware()
GPU_WITH_BF16 = Hardware(cuda=True, cuda_bf16=True)
GPU_WITHOUT_BF16 = Hardware(cuda=True, cuda_bf16=False)
APPLE = Hardware(mps=True)


class DeviceChoiceTest(unittest.TestCase):
    def test_cpu_only_machine_trains_in_fp32_on_the_cpu(self):
        choice = choose(CPU_ONLY)
        self.assertEqual(("cpu", "fp32"), (choice.device, choice.precision))
        self.assertEqual({"use_cpu": True, "bf16": False, "fp16": False}, choice.training_arguments())

    def test_gpu_with_bf16_trains_in_bf16(self):
        choice = choose(GPU_WITH_BF16)
        self.assertEqual(("cuda", "bf16"), (choice.device, choice.precision))
        self.assertEqual({"use_cpu": False, "bf16": True, "fp16": False}, choice.training_arguments())

    def test_gpu_without_bf16_falls_back_to_fp32(self):
        self.assertEqual("fp32", choose(GPU_WITHOUT_BF16).precision)

    def test_apple_mps_trains_in_fp32(self):
        choice = choose(APPLE)
        self.assertEqual(("mps", "fp32"), (choice.device, choice.precision))
        self.assertFalse(choice.training_arguments()["use_cpu"])

    def test_flags_override_the_choice(self):
        self.assertEqual(("cpu", "fp32"), astuple(choose(GPU_WITH_BF16, device="cpu")))
        self.assertEqual(("cuda", "fp16"), astuple(choose(GPU_WITH_BF16, precision="fp16")))
        self.assertEqual(("cpu", "bf16"), astuple(choose(CPU_ONLY, precision="bf16")))

    def test_impossible_combinations_are_refused_with_the_reason(self):
        for hardware, device, precision, reason in [
            (CPU_ONLY, "cuda", "auto", "no CUDA GPU"),
            (CPU_ONLY, "mps", "auto", "MPS"),
            (CPU_ONLY, "auto", "fp16", "fp16 needs a GPU"),
            (GPU_WITHOUT_BF16, "cuda", "bf16", "does not support bf16"),
            (CPU_ONLY, "tpu", "auto", "device must be one of"),
        ]:
            with self.subTest(device=device, precision=precision):
                with self.assertRaisesRegex(ValueError, reason):
                    choose(hardware, device, precision)

    def test_a_machine_without_torch_is_detected_as_cpu_only(self):
        try:
            import torch  # noqa: F401
        except ImportError:
            self.assertEqual(CPU_ONLY, earshot_device.detect_hardware())
        else:
            self.skipTest("torch is installed here; detection then reports the real machine")


class ScriptArgumentsTest(unittest.TestCase):
    def test_every_script_is_covered(self):
        self.assertEqual(sorted(REQUIRED_ARGUMENTS), SCRIPTS)

    def test_every_script_imports_without_trl_and_chooses_its_device_from_the_machine(self):
        for name in SCRIPTS:
            with self.subTest(script=name):
                script = importlib.import_module(name)
                args = script.build_parser().parse_args(REQUIRED_ARGUMENTS[name])
                self.assertEqual(("auto", "auto"), (args.device, args.precision))
                self.assertEqual(("cpu", "fp32"),
                                 astuple(earshot_device.from_arguments(args, CPU_ONLY)))
                self.assertEqual(("cuda", "bf16"),
                                 astuple(earshot_device.from_arguments(args, GPU_WITH_BF16)))

    def test_every_script_takes_the_override_flags_and_refuses_impossible_ones(self):
        for name in SCRIPTS:
            with self.subTest(script=name):
                parser = importlib.import_module(name).build_parser()
                args = parser.parse_args(REQUIRED_ARGUMENTS[name] + ["--device", "cpu", "--precision", "fp32"])
                self.assertEqual(("cpu", "fp32"), astuple(earshot_device.from_arguments(args, GPU_WITH_BF16)))
                fp16_on_cpu = parser.parse_args(REQUIRED_ARGUMENTS[name] + ["--precision", "fp16"])
                with self.assertRaisesRegex(SystemExit, "fp16 needs a GPU"):
                    earshot_device.from_arguments(fp16_on_cpu, CPU_ONLY)

    def test_every_script_passes_the_choice_to_its_trainer(self):
        for name in SCRIPTS:
            with self.subTest(script=name):
                with open(os.path.join(EXAMPLES, name + ".py"), encoding="utf-8") as source:
                    self.assertIn("**choice.training_arguments()", source.read())

    def test_grpo_defaults_run_two_steps_with_a_tiny_model(self):
        grpo = importlib.import_module("trl_grpo_remote_reward")
        args = grpo.build_parser().parse_args(REQUIRED_ARGUMENTS["trl_grpo_remote_reward"])
        self.assertEqual(2, args.max_steps)
        self.assertIn("tiny", args.model)


class FakeEarshot(http.server.BaseHTTPRequestHandler):
    """Answers like Earshot's reward endpoint: reward = number of words; a judge that scores only
    items with a label."""

    requests = []

    def do_POST(self):  # noqa: N802 (http.server's naming)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        FakeEarshot.requests.append((self.headers.get("Authorization"), body))
        rewards = [float(len(item["text"].split())) for item in body["query"]]
        scored = [0.0 if label is None else 1.0 for label in body["labels"]]
        answer = json.dumps({
            "rewards": rewards,
            "scores": rewards,
            "extra_logs": {"content-accuracy/content": [0.5 * s for s in scored],
                           "content-accuracy/content/scored": scored},
        }).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args):
        pass


class RemoteRewardTest(unittest.TestCase):
    def setUp(self):
        FakeEarshot.requests = []
        self.server = http.server.HTTPServer(("127.0.0.1", 0), FakeEarshot)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_port}/api/reward/key"

    def tearDown(self):
        self.server.shutdown()
        self.server.server_close()

    def test_posts_the_batch_with_text_and_voiced_audio_and_returns_earshots_rewards(self):
        grpo = importlib.import_module("trl_grpo_remote_reward")
        voiced = []

        def voice(text):
            voiced.append(text)
            return b"RIFF....WAVE" + text.encode("utf-8")

        reward = grpo.EarshotReward(self.url, voice, token="t0k")
        completions = [[{"role": "assistant", "content": "Paris is it"}], [{"role": "assistant", "content": "No"}]]
        rewards = reward(["Capital?", "Capital?"], completions, label=["Paris.", None])

        self.assertEqual([3.0, 1.0], rewards)
        self.assertEqual(["Paris is it", "No"], voiced)
        authorization, body = FakeEarshot.requests[0]
        self.assertEqual("Bearer t0k", authorization)
        self.assertEqual(["Paris.", None], body["labels"])
        self.assertEqual(["Capital?", "Capital?"], body["prompts"])
        self.assertEqual(b"RIFF....WAVENo", base64.b64decode(body["query"][1]["audio"]))
        self.assertEqual("No", body["query"][1]["text"])
        # The mean over scored items only: the stand-in 0 of the unlabelled item is left out.
        self.assertEqual({"earshot/content-accuracy/content": 0.5,
                          "earshot/content-accuracy/content/scored": 0.5}, reward.last_logs)

    @unittest.skipUnless(shutil.which("espeak-ng"), "espeak-ng is not installed")
    def test_default_voice_makes_a_wav_even_of_option_like_or_empty_text(self):
        grpo = importlib.import_module("trl_grpo_remote_reward")
        for text in ["-- not an option", ""]:
            with self.subTest(text=text):
                wav = grpo.espeak_voice(text)
                self.assertEqual((b"RIFF", b"WAVE"), (wav[:4], wav[8:12]))

    def test_voice_plugs_in_as_module_function(self):
        grpo = importlib.import_module("trl_grpo_remote_reward")
        self.assertIs(grpo.espeak_voice, grpo.load_voice("espeak"))
        self.assertIs(base64.b64encode, grpo.load_voice("base64:b64encode"))
        with self.assertRaises(SystemExit):
            grpo.load_voice("no_function_named")


def has_modules(*names):
    """Whether the packages are installed (the repository's own datasets/ folder, which Python sees
    as a namespace package without an origin, does not count)."""
    specs = [importlib.util.find_spec(name) for name in names]
    return all(spec is not None and spec.origin is not None for spec in specs)


class DpoPairsTest(unittest.TestCase):
    @unittest.skipUnless(has_modules("datasets"), "needs Hugging Face datasets")
    def test_pairs_whose_texts_are_identical_are_dropped_and_counted(self):
        from datasets import Dataset

        dpo = importlib.import_module("trl_dpo")
        pairs = Dataset.from_list([
            {"prompt": "Capital?", "chosen": "Paris.", "rejected": "Paris."},
            {"prompt": "Capital?", "chosen": "Paris.", "rejected": "Lyon."},
        ])
        kept, dropped = dpo.pairs_with_text_signal(pairs)
        self.assertEqual(1, dropped)
        self.assertEqual(["Lyon."], kept["rejected"])


class TinyModelTest(unittest.TestCase):
    def test_defaults_make_a_two_layer_model_of_hidden_size_64_from_seed_0(self):
        tiny = importlib.import_module("make_tiny_model")
        args = tiny.build_parser().parse_args(["out"])
        self.assertEqual((2, 64, 0), (args.layers, args.hidden_size, args.seed))

    @unittest.skipUnless(has_modules("torch", "transformers", "tokenizers"),
                         "needs torch, transformers and tokenizers (the examples' virtual environment)")
    def test_builds_the_same_model_twice_with_a_tokenizer_that_encodes_any_text(self):
        tiny = importlib.import_module("make_tiny_model")
        tokenizer = tiny.build_tokenizer(400)
        text = "Ünïcode & émojis 🙂 -- any bytes"
        self.assertEqual(text, tokenizer.decode(tokenizer.encode(text)))
        chat = tokenizer.apply_chat_template([{"role": "user", "content": "Hi"}], tokenize=False,
                                             add_generation_prompt=True)
        self.assertEqual("<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n", chat)
        first, second = (tiny.build_model(tokenizer, 64, 2, seed=0) for _ in range(2))
        for (name, a), (_, b) in zip(first.state_dict().items(), second.state_dict().items()):
            self.assertTrue(a.equal(b), name)
        self.assertEqual(len(tokenizer), first.config.vocab_size)


def astuple(choice):
    return choice.device, choice.precision


if __name__ == "__main__":
    unittest.main()
