package io.spoor.identity;

/** A contact's original traffic source: the values of HubSpot's {@code hs_analytics_source}. */
public enum SourceType {
  ORGANIC_SEARCH,
  PAID_SEARCH,
  EMAIL_MARKETING,
  SOCIAL_MEDIA,
  REFERRALS,
  OTHER_CAMPAIGNS,
  DIRECT_TRAFFIC,
  /** Created by API, import or a form with no visit; never the result of classifying a visit. */
  OFFLINE,
  PAID_SOCIAL
}
