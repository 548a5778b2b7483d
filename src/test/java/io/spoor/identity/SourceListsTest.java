package io.spoor.identity;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The lists read from traffic-sources.txt hold the entries traffic classification was written with. */
class SourceListsTest {
  @Test
  void searchEnginesAndTheirTermParametersAreReadFromTheDataFile() {
    assertEquals(Map.ofEntries(
        entry("google.*", "google"), entry("bing.com", "bing"), entry("yahoo.*", "yahoo"),
        entry("duckduckgo.com", "duckduckgo"), entry("baidu.com", "baidu"),
        entry("yandex.*", "yandex"), entry("ecosia.org", "ecosia"), entry("ask.com", "ask"),
        entry("search.aol.com", "aol"), entry("startpage.com", "startpage"),
        entry("qwant.com", "qwant"), entry("naver.com", "naver"), entry("seznam.cz", "seznam"),
        entry("search.brave.com", "brave"), entry("sogou.com", "sogou")), byDomain(SourceLists.SEARCH_ENGINES));
    assertEquals(List.of("q", "p", "query", "text", "wd"), SourceLists.SEARCH_TERM_PARAMS);
  }

  @Test
  void socialNetworksAndTheirAliasesAreReadFromTheDataFile() {
    assertEquals(Map.ofEntries(
        entry("facebook.com", "facebook"), entry("fb.com", "facebook"), entry("fb.me", "facebook"),
        entry("messenger.com", "facebook"), entry("instagram.com", "instagram"),
        entry("twitter.com", "twitter"), entry("x.com", "twitter"), entry("t.co", "twitter"),
        entry("linkedin.com", "linkedin"), entry("lnkd.in", "linkedin"),
        entry("youtube.com", "youtube"), entry("youtu.be", "youtube"),
        entry("pinterest.*", "pinterest"), entry("reddit.com", "reddit"),
        entry("tiktok.com", "tiktok"), entry("xing.com", "xing"), entry("vk.com", "vk"),
        entry("threads.net", "threads"), entry("bsky.app", "bluesky"),
        entry("tumblr.com", "tumblr"), entry("snapchat.com", "snapchat"),
        entry("mastodon.social", "mastodon"), entry("whatsapp.com", "whatsapp"),
        entry("wa.me", "whatsapp")), byDomain(SourceLists.SOCIAL_NETWORKS));
    assertEquals(Map.of("fb", "facebook", "ig", "instagram", "tw", "twitter", "x", "twitter",
        "li", "linkedin", "yt", "youtube"), SourceLists.SOCIAL_SOURCE_ALIASES);
  }

  @Test
  void mailServicesAndFeedReadersAreReadFromTheDataFile() {
    assertEquals(List.of("mail.google.com", "com.google.android.gm", "outlook.live.com", "outlook.office.com",
        "outlook.office365.com", "mail.yahoo.com", "mail.aol.com", "mail.proton.me",
        "mail.zoho.com", "gmx.net", "gmx.de", "web.de", "icloud.com", "feedly.com",
        "inoreader.com", "newsblur.com", "theoldreader.com", "feedbin.com", "netvibes.com",
        "bloglovin.com"), SourceLists.MAIL_AND_FEED_READERS);
    assertEquals(Set.of("mail", "webmail"), SourceLists.MAIL_HOST_PREFIXES);
  }

  private static Map<String, String> byDomain(List<SourceLists.Site> sites) {
    return sites.stream().collect(Collectors.toMap(SourceLists.Site::domain, SourceLists.Site::name));
  }
}
