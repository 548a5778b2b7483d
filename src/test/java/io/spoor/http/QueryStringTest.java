package io.spoor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QueryStringTest {

  @Test
  void plainPairsAreDecodedInRequestOrder() {
    QueryString query = QueryString.parse("_a=62515&_n=pe62515_signup&email=jane%40example.com");

    assertEquals(List.of(new Param("_a", "62515"), new Param("_n", "pe62515_signup"),
        new Param("email", "jane@example.com")), query.params());
    assertEquals(List.of(), query.malformed());
  }

  @Test
  void nullOrEmptyQueryHasNoPairs() {
    assertEquals(List.of(), QueryString.parse(null).params());
    assertEquals(List.of(), QueryString.parse("").params());
    assertEquals(List.of(), QueryString.parse("").malformed());
  }

  @Test
  void plusIsASpaceAndAnEncodedPlusIsAPlus() {
    QueryString query = QueryString.parse("q=a+b%2Bc&full+name=Jane+Doe");

    assertEquals(Optional.of("a b+c"), query.first("q"));
    assertEquals(Optional.of("Jane Doe"), query.first("full name"));
  }

  @Test
  void percentEscapesAreUtf8BytesInEitherCase() {
    QueryString query = QueryString.parse("upper=caf%C3%A9&lower=caf%c3%a9&euro=%E2%82%AC");

    assertEquals(Optional.of("café"), query.first("upper"));
    assertEquals(Optional.of("café"), query.first("lower"));
    assertEquals(Optional.of("€"), query.first("euro"));
  }

  @Test
  void fourByteUtf8EscapeDecodesToAnEmoji() {
    assertEquals(Optional.of("hi \uD83D\uDE00"), QueryString.parse("m=hi+%F0%9F%98%80").first("m"));
  }

  @Test
  void escapedSeparatorsAreDataNotSeparators() {
    QueryString query = QueryString.parse("a=%26b%3Dc&d=1");

    assertEquals(List.of(new Param("a", "&b=c"), new Param("d", "1")), query.params());
  }

  @Test
  void onlyTheFirstEqualsSignSeparatesNameFromValue() {
    assertEquals(Optional.of("b=c"), QueryString.parse("a=b=c").first("a"));
  }

  @Test
  void badHexEscapeIsReportedAsMalformed() {
    QueryString query = QueryString.parse("a=%zz&b=2");

    assertEquals(List.of("a"), query.malformed());
    assertTrue(query.isMalformed("a"));
    assertEquals(Optional.empty(), query.first("a"));
    assertEquals(List.of(new Param("b", "2")), query.params());
  }

  @Test
  void halfHexEscapeIsReportedAsMalformed() {
    QueryString query = QueryString.parse("a=%4g&b=%g4");

    assertEquals(List.of("a", "b"), query.malformed());
    assertEquals(List.of(), query.params());
  }

  @Test
  void truncatedEscapeAtTheEndIsReportedAsMalformed() {
    assertEquals(List.of("a"), QueryString.parse("a=%4").malformed());
    assertEquals(List.of("a"), QueryString.parse("a=x%").malformed());
    assertEquals(List.of("a"), QueryString.parse("a=%4&b=1").malformed());
    assertEquals(Optional.of("1"), QueryString.parse("a=%4&b=1").first("b"));
  }

  @Test
  void escapeEndingExactlyAtTheEndIsDecoded() {
    assertEquals(Optional.of("xA"), QueryString.parse("a=x%41").first("a"));
  }

  @Test
  void byteThatCannotStartUtf8IsReportedAsMalformed() {
    QueryString query = QueryString.parse("a=%ff&b=ok");

    assertEquals(List.of("a"), query.malformed());
    assertEquals(List.of(new Param("b", "ok")), query.params());
  }

  @Test
  void leadByteFollowedByANonContinuationByteIsReportedAsMalformed() {
    assertEquals(List.of("a"), QueryString.parse("a=%c3%28").malformed());
  }

  @Test
  void loneContinuationByteIsReportedAsMalformed() {
    assertEquals(List.of("a"), QueryString.parse("a=%80").malformed());
  }

  @Test
  void truncatedMultiByteSequenceIsReportedAsMalformed() {
    assertEquals(List.of("a"), QueryString.parse("a=%e2%82").malformed());
  }

  @Test
  void overlongUtf8EncodingIsReportedAsMalformed() {
    // %c0%af is an overlong "/", a classic path-traversal disguise
    assertEquals(List.of("a"), QueryString.parse("a=%c0%af").malformed());
  }

  @Test
  void pairWithoutEqualsSignHasAnEmptyValue() {
    QueryString query = QueryString.parse("flag&b=2");

    assertEquals(List.of(new Param("flag", ""), new Param("b", "2")), query.params());
    assertEquals(Optional.of(""), query.first("flag"));
  }

  @Test
  void emptyPairsAreSkipped() {
    QueryString query = QueryString.parse("&a=1&&b=2&");

    assertEquals(List.of(new Param("a", "1"), new Param("b", "2")), query.params());
    assertEquals(List.of(), query.malformed());
  }

  @Test
  void repeatedNamesAreAllKeptAndFirstReturnsTheFirstValue() {
    QueryString query = QueryString.parse("tag=one&other=x&tag=two");

    assertEquals(Optional.of("one"), query.first("tag"));
    assertEquals(3, query.params().size());
    assertEquals(new Param("tag", "two"), query.params().get(2));
  }

  @Test
  void firstOfAnAbsentNameIsEmpty() {
    assertEquals(Optional.empty(), QueryString.parse("a=1").first("b"));
  }

  @Test
  void namesAreMatchedAfterDecoding() {
    assertEquals(Optional.of("1"), QueryString.parse("%5Fa=1").first("_a"));
  }

  @Test
  void rawUtf8BytesHandedOverAsIsoLatinCharactersDecodeToTheirCharacter() {
    // the server hands a raw UTF-8 "é" (bytes C3 A9) over as the chars \u00c3\u00a9
    QueryString query = QueryString.parse("city=Orl\u00c3\u00a9ans");

    assertEquals(Optional.of("Orléans"), query.first("city"));
    assertEquals(List.of(), query.malformed());
  }

  @Test
  void rawEmojiBytesHandedOverAsIsoLatinCharactersDecodeToTheEmoji() {
    assertEquals(Optional.of("\uD83D\uDE00"), QueryString.parse("m=\u00f0\u009f\u0098\u0080").first("m"));
  }

  @Test
  void rawIsoLatinByteThatIsNotUtf8IsReportedAsMalformed() {
    // a client that sent "é" as the single ISO-8859-1 byte E9
    QueryString query = QueryString.parse("city=Orl\u00e9ans&b=1");

    assertEquals(List.of("city"), query.malformed());
    assertEquals(List.of(new Param("b", "1")), query.params());
  }

  @Test
  void malformedNameIsReportedRawWhileTheOtherPairsAreKept() {
    QueryString query = QueryString.parse("a=1&bad%zzname=2&c=3");

    assertEquals(List.of("bad%zzname"), query.malformed());
    assertTrue(query.isMalformed("bad%zzname"));
    assertEquals(List.of(new Param("a", "1"), new Param("c", "3")), query.params());
  }

  @Test
  void malformedValueIsReportedUnderItsDecodedName() {
    QueryString query = QueryString.parse("first%5Fname=%ff");

    assertEquals(List.of("first_name"), query.malformed());
    assertFalse(query.isMalformed("first%5Fname"));
  }

  @Test
  void nonAsciiDigitsAreNotHexDigits() {
    // fullwidth "4" and "1" are digits to Character.digit, but not hex digits of an escape
    QueryString query = QueryString.parse("a=%\uff14\uff11");

    assertEquals(List.of("a"), query.malformed());
    assertEquals(Optional.empty(), query.first("a"));
  }

  @Test
  void charactersBeyondIsoLatinAreKeptAsTheyAre() {
    assertEquals(Optional.of("\u0141\u00f3d\u017a"), QueryString.parse("c=\u0141%C3%B3d\u017a").first("c"));
  }

  @Test
  void charactersOutsideTheBasicPlaneAreKeptAsTheyAre() {
    assertEquals(Optional.of("\uD83D\uDE00"), QueryString.parse("m=\uD83D\uDE00").first("m"));
  }
}
