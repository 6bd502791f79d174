package dev.earshot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A tiny codec encoder as an ONNX file, with hand-predictable tokens. Input {@code waveform} float
 * {@code [1, samples]} (a whole number of {@link #SAMPLES_PER_FRAME}-sample frames); output {@code
 * codes} int64 {@code [2, frames]}. Per frame of mean m and mean square e:
 *
 * <ul>
 *   <li>codebook 0 = clip(floor(4 (m + 1)), 0, 7): the frame's level in eighths of [-1, 1]
 *   <li>codebook 1 = clip(floor(8 e), 0, 7): its energy in eighths
 * </ul>
 *
 * A constant 0.3 frame reads (5, 0), -0.6 (1, 2), 0.9 (7, 6), 0 (4, 0).
 */
public final class ToyCodecEncoder {

  /** 50 frames per second at 16 kHz. */
  public static final int SAMPLE_RATE = 16_000;

  public static final int SAMPLES_PER_FRAME = 320;
  public static final int CODEBOOKS = 2;

  private ToyCodecEncoder() {}

  public static byte[] bytes() {
    long[] scalar = {};
    OnnxProto graph =
        OnnxProto.graph("toy_codec_encoder")
            .input("waveform", OnnxProto.FLOAT, 1, "samples")
            .int64Initializer("frame_shape", new long[] {2}, -1, SAMPLES_PER_FRAME)
            .int64Initializer("row_shape", new long[] {2}, 1, -1)
            .floatInitializer("one", scalar, 1f)
            .floatInitializer("four", scalar, 4f)
            .floatInitializer("eight", scalar, 8f)
            .floatInitializer("lowest", scalar, 0f)
            .floatInitializer("highest", scalar, 7f)
            .node("Reshape", in("waveform", "frame_shape"), out("frames"))
            .node("ReduceMean", in("frames"), out("mean"), axes(), noKeepDims())
            .node("Mul", in("frames", "frames"), out("squares"))
            .node("ReduceMean", in("squares"), out("energy"), axes(), noKeepDims())
            .node("Add", in("mean", "one"), out("shifted"))
            .node("Mul", in("shifted", "four"), out("level"))
            .node("Mul", in("energy", "eight"), out("loudness"));
    for (String codebook : new String[] {"level", "loudness"}) {
      graph
          .node("Floor", in(codebook), out(codebook + "_floor"))
          .node("Clip", in(codebook + "_floor", "lowest", "highest"), out(codebook + "_clipped"))
          .node(
              "Cast",
              in(codebook + "_clipped"),
              out(codebook + "_ids"),
              OnnxProto.intAttribute("to", OnnxProto.INT64))
          .node("Reshape", in(codebook + "_ids", "row_shape"), out(codebook + "_row"));
    }
    graph
        .node(
            "Concat",
            in("level_row", "loudness_row"),
            out("codes"),
            OnnxProto.intAttribute("axis", 0))
        .output("codes", OnnxProto.INT64, CODEBOOKS, "frames");
    return OnnxProto.model(graph, 13);
  }

  /** Writes the model to the file (creating its folder) and returns the file. */
  public static Path writeTo(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.write(file, bytes());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String[] in(String... names) {
    return names;
  }

  private static String[] out(String name) {
    return new String[] {name};
  }

  private static OnnxProto axes() {
    return OnnxProto.intsAttribute("axes", 1);
  }

  private static OnnxProto noKeepDims() {
    return OnnxProto.intAttribute("keepdims", 0);
  }
}
