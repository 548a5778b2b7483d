package io.spoor.crm;

import io.spoor.http.QueryString;
import io.spoor.ingest.Param;
import io.spoor.ingest.Rejection;
import io.spoor.ingest.RejectionStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rejections of a portal whose raw parameters name a person: a parameter whose value is
 * one of their emails (in any case) or external ids. A GDPR delete erases these too, since a
 * rejected hit keeps what its sender put in the URL.
 */
final class RejectionsNaming {
  private static final int PAGE = 500;

  private final RejectionStore rejections;

  RejectionsNaming(RejectionStore rejections) {
    this.rejections = rejections;
  }

  void erase(long portalId, Collection<String> emails, Collection<String> externalIds) {
    Set<String> lowerEmails = emails.stream().map(e -> e.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    Set<String> ids = Set.copyOf(externalIds);
    List<Long> naming = new ArrayList<>();
    OptionalLong before = OptionalLong.empty();
    for (List<Rejection> page; !(page = rejections.list(portalId, PAGE, before)).isEmpty(); ) {
      for (Rejection r : page) {
        if (QueryString.parse(r.params()).params().stream().map(Param::value).map(String::trim)
            .anyMatch(v -> ids.contains(v) || lowerEmails.contains(v.toLowerCase(Locale.ROOT)))) {
          naming.add(r.id());
        }
      }
      before = OptionalLong.of(page.get(page.size() - 1).id());
    }
    rejections.delete(portalId, naming);
  }
}
