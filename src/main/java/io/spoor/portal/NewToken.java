package io.spoor.portal;

/** A token just issued, with its clear value: shown once, never stored. */
public record NewToken(Token token, String value) {
}
