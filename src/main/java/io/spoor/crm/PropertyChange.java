package io.spoor.crm;

import java.util.Optional;

/** One property set ({@code value} present) or cleared (empty) at an instant, from a source. */
public record PropertyChange(String name, Optional<String> value, long at, ChangeSource source) {
}
