package io.spoor.crm;

/**
 * The outcome of checking one incoming value against its property definition: the value to
 * store in canonical form, a clear ({@code ""}), or the reason it was refused.
 */
public sealed interface PropertyValue {
  record Set(String value) implements PropertyValue {
  }

  record Clear() implements PropertyValue {
  }

  record Invalid(String reason) implements PropertyValue {
  }
}
