package cn.szcg.contracts.envelope;

/** An event that cannot be read; it goes to the dead-letter topic with this message as reason. */
public class InvalidEventException extends RuntimeException {
  public InvalidEventException(String message) {
    super(message);
  }

  public InvalidEventException(String message, Throwable cause) {
    super(message, cause);
  }
}
