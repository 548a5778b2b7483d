package io.spoor.crm.gdpr;

import io.spoor.http.Param;
import io.spoor.http.PercentDecoding;
import io.spoor.http.QueryString;
import io.spoor.ingest.Rejection;
import io.spoor.ingest.RejectionStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rejections of a portal that name a person, which a GDPR delete erases too, since a
 * rejected hit keeps what its sender sent: one of their emails (in any case) anywhere in its raw
 * parameters or its detail, once or several times percent-encoded or JSON-escaped (an Events
 * API query, a tracking beacon's identity {@code i=}, query string or JSON, a sent event's
 * JSON body); a parameter or JSON string that is one of their external ids; a sent event's
 * {@code objectId} that is one of their contact ids.
 */
final class RejectionsNaming {
  private static final int PAGE = 500;
  /** Layers of percent-encoding looked through: the identity in a beacon is encoded twice. */
  private static final int MAX_DECODINGS = 4;
  private static final Pattern JSON_STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern OBJECT_ID = Pattern.compile("\"objectId\"\\s*:\\s*\"?\\s*(\\d+)");
  private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");

  private final RejectionStore rejections;

  RejectionsNaming(RejectionStore rejections) {
    this.rejections = rejections;
  }

  void erase(long portalId, Collection<String> emails, Collection<String> externalIds,
      Collection<Long> contactIds) {
    Person person = new Person(emails.stream().filter(e -> !e.isBlank()).map(e -> e.toLowerCase(Locale.ROOT))
        .collect(Collectors.toSet()), Set.copyOf(externalIds),
        contactIds.stream().map(String::valueOf).collect(Collectors.toSet()));
    List<Long> naming = new ArrayList<>();
    OptionalLong before = OptionalLong.empty();
    for (List<Rejection> page; !(page = rejections.list(portalId, PAGE, before)).isEmpty(); ) {
      for (Rejection r : page) {
        if (person.namedIn(r.params()) || person.namedIn(r.detail())) {
          naming.add(r.id());
        }
      }
      before = OptionalLong.of(page.get(page.size() - 1).id());
    }
    rejections.delete(portalId, naming);
  }

  /** Whom to look for: emails in lower case, external ids and contact ids as written. */
  record Person(Set<String> emails, Set<String> externalIds, Set<String> contactIds) {
    boolean namedIn(String text) {
      if (text == null || text.isEmpty()) {
        return false;
      }
      for (String layer : layers(text)) {
        if (namedInLayer(layer)) {
          return true;
        }
      }
      return false;
    }

    private boolean namedInLayer(String layer) {
      String lower = layer.toLowerCase(Locale.ROOT);
      if (emails.stream().anyMatch(lower::contains)) {
        return true;
      }
      if (!externalIds.isEmpty()) {
        if (QueryString.parse(layer).params().stream().map(Param::value).map(String::trim)
            .anyMatch(externalIds::contains)) {
          return true;
        }
        for (Matcher m = JSON_STRING.matcher(layer); m.find(); ) {
          if (externalIds.contains(m.group(1).trim())) {
            return true;
          }
        }
      }
      for (Matcher m = OBJECT_ID.matcher(layer); m.find(); ) {
        if (contactIds.contains(m.group(1))) {
          return true;
        }
      }
      return false;
    }
  }

  /** The text as kept, then decoded again and again while that changes it. */
  static List<String> layers(String text) {
    List<String> layers = new ArrayList<>();
    String layer = text;
    for (int i = 0; i <= MAX_DECODINGS; i++) {
      String unescaped = unescapeJson(layer);
      layers.add(layer);
      if (!unescaped.equals(layer)) {
        layers.add(unescaped);
      }
      String next = PercentDecoding.lenient(unescaped);
      if (next.equals(unescaped)) {
        break;
      }
      layer = next;
    }
    return layers;
  }

  private static String unescapeJson(String text) {
    if (text.indexOf('\\') < 0) {
      return text;
    }
    return UNICODE_ESCAPE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
        String.valueOf((char) Integer.parseInt(m.group(1), 16))));
  }

  /** {@code %XX} as a byte and {@code +} as a space, leniently: a broken escape stays as written. */

}
