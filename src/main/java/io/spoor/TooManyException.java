package io.spoor;

/** A bounded resource (open live streams, say) is taken: answered 429 with the message, which names the bound. */
public class TooManyException extends SpoorException {
  public TooManyException(String message) {
    super(message);
  }
}
