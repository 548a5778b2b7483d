package io.spoor.http;

/** One decoded request parameter, name and value, as a hit carries it. */
public record Param(String name, String value) {
}
