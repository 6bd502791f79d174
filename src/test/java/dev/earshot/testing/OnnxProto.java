package dev.earshot.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes ONNX models (protobuf wire format, field numbers of onnx.proto) without the onnx package,
 * so tests can build the tiny models they run. Only what small opset-13 graphs need: nodes with int
 * and ints attributes, tensor initializers as raw data, tensor value infos.
 */
public final class OnnxProto {

  public static final int FLOAT = 1;
  public static final int INT64 = 7;

  private static final int VARINT = 0;
  private static final int LENGTH_DELIMITED = 2;

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  /** A model of one graph in the default domain at the given opset (ir_version 8). */
  public static byte[] model(OnnxProto graph, int opset) {
    return new OnnxProto()
        .varint(1, 8)
        .string(2, "earshot tests")
        .message(7, graph)
        .message(8, new OnnxProto().string(1, "").varint(2, opset))
        .toBytes();
  }

  public static OnnxProto graph(String name) {
    return new OnnxProto().string(2, name);
  }

  public OnnxProto node(String opType, String[] inputs, String[] outputs, OnnxProto... attributes) {
    OnnxProto node = new OnnxProto();
    for (String input : inputs) {
      node.string(1, input);
    }
    for (String output : outputs) {
      node.string(2, output);
    }
    node.string(3, outputs[0]).string(4, opType);
    for (OnnxProto attribute : attributes) {
      node.message(5, attribute);
    }
    return message(1, node);
  }

  public static OnnxProto intAttribute(String name, long value) {
    return new OnnxProto().string(1, name).varint(3, value).varint(20, 2);
  }

  public static OnnxProto intsAttribute(String name, long... values) {
    OnnxProto attribute = new OnnxProto().string(1, name);
    for (long value : values) {
      attribute.varint(8, value);
    }
    return attribute.varint(20, 7);
  }

  public OnnxProto floatInitializer(String name, long[] dims, float... values) {
    ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    raw.asFloatBuffer().put(values);
    return message(5, tensor(name, dims, FLOAT, raw.array()));
  }

  public OnnxProto int64Initializer(String name, long[] dims, long... values) {
    ByteBuffer raw = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    raw.asLongBuffer().put(values);
    return message(5, tensor(name, dims, INT64, raw.array()));
  }

  /** A graph input; a dimension is a number or a symbolic name. */
  public OnnxProto input(String name, int elementType, Object... dims) {
    return message(11, valueInfo(name, elementType, dims));
  }

  public OnnxProto output(String name, int elementType, Object... dims) {
    return message(12, valueInfo(name, elementType, dims));
  }

  private static OnnxProto tensor(String name, long[] dims, int dataType, byte[] raw) {
    OnnxProto tensor = new OnnxProto();
    for (long dim : dims) {
      tensor.varint(1, dim);
    }
    return tensor.varint(2, dataType).string(8, name).bytes(9, raw);
  }

  private static OnnxProto valueInfo(String name, int elementType, Object... dims) {
    OnnxProto shape = new OnnxProto();
    for (Object dim : dims) {
      shape.message(
          1,
          dim instanceof Number size
              ? new OnnxProto().varint(1, size.longValue())
              : new OnnxProto().string(2, dim.toString()));
    }
    OnnxProto tensorType = new OnnxProto().varint(1, elementType).message(2, shape);
    return new OnnxProto().string(1, name).message(2, new OnnxProto().message(1, tensorType));
  }

  public byte[] toBytes() {
    return bytes.toByteArray();
  }

  private OnnxProto varint(int field, long value) {
    tag(field, VARINT);
    writeVarint(value);
    return this;
  }

  private OnnxProto string(int field, String value) {
    return bytes(field, value.getBytes(StandardCharsets.UTF_8));
  }

  private OnnxProto message(int field, OnnxProto message) {
    return bytes(field, message.toBytes());
  }

  private OnnxProto bytes(int field, byte[] value) {
    tag(field, LENGTH_DELIMITED);
    writeVarint(value.length);
    bytes.writeBytes(value);
    return this;
  }

  private void tag(int field, int wireType) {
    writeVarint(((long) field << 3) | wireType);
  }

  // Negative int64 values take ten bytes, as protobuf writes them.
  private void writeVarint(long value) {
    long rest = value;
    while ((rest & ~0x7FL) != 0) {
      bytes.write((int) ((rest & 0x7F) | 0x80));
      rest >>>= 7;
    }
    bytes.write((int) rest);
  }
}
