package io.spoor.ingest;

import io.spoor.http.Param;
import java.util.List;
import java.util.Optional;

/**
 * A beacon of the tracking code ({@code /__ptq.gif}, {@code /__ptbe.gif}, {@code /__ptc.gif})
 * as received: its kind and its decoded parameters, read when applied.
 *
 * @param bot           whether the user agent is a known crawler or a headless browser
 * @param privacySignal whether the browser sent {@code Sec-GPC: 1} or {@code DNT: 1}
 * @param userAgent     the browser's {@code User-Agent} header ("" when none, or logged before it was kept)
 */
public record BeaconHit(String id, long hubId, long receivedAt, Kind beacon, List<Param> params,
    boolean bot, boolean privacySignal, String rawParams, String userAgent) implements Hit {

  public BeaconHit {
    params = List.copyOf(params);
    userAgent = userAgent == null ? "" : userAgent;
  }

  /** A beacon without its user agent. */
  public BeaconHit(String id, long hubId, long receivedAt, Kind beacon, List<Param> params, boolean bot,
      boolean privacySignal, String rawParams) {
    this(id, hubId, receivedAt, beacon, params, bot, privacySignal, rawParams, "");
  }

  /** What a beacon reports; {@code code} is its stored form, never to be reused. */
  public enum Kind {
    PAGE_VIEW(1), EVENT(2), BEHAVIORAL_EVENT(3), CLICK(4), CONSENT_GIVEN(5), CONSENT_DECLINED(6),
    CONSENT_REVOKED(7);

    private final int code;

    Kind(int code) {
      this.code = code;
    }

    public int code() {
      return code;
    }

    public static java.util.Optional<Kind> ofCode(int code) {
      return java.util.Arrays.stream(values()).filter(k -> k.code == code).findFirst();
    }
  }

  @Override
  public String kind() {
    return "beacon";
  }

  /** The first value of a parameter (a plain loop: the applier asks for a dozen per beacon). */
  public Optional<String> param(String name) {
    for (Param p : params) {
      if (p.name().equals(name)) {
        return Optional.of(p.value());
      }
    }
    return Optional.empty();
  }
}
