package io.spoor.portal;

import java.util.List;

/**
 * A portal's tracking settings: whether visitors must opt in before cookies are written (and
 * whether hits are sent cookieless meanwhile), the consent banner's text, whether Global
 * Privacy Control / Do Not Track count as a decline, whether bot traffic is kept out of the
 * analytics, and the portal's own domains (a referrer from them is not a new source).
 */
public record Privacy(boolean requireConsent, boolean cookielessBeforeConsent, String bannerText,
    boolean honorGpc, boolean filterBots, List<String> domains) {

  public static final Privacy DEFAULT = new Privacy(false, false, "", false, true, List.of());

  public Privacy {
    bannerText = bannerText == null ? "" : bannerText;
    domains = List.copyOf(domains);
  }
}
