package dev.earshot.judge.onnx;

/** An ONNX model could not be loaded or could not run on the given audio. */
public final class OnnxModelException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public OnnxModelException(String message) {
    super(message);
  }

  public OnnxModelException(String message, Throwable cause) {
    super(message, cause);
  }
}
