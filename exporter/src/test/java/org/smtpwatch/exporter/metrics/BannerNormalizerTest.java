package org.smtpwatch.exporter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smtpwatch.config.BannerPattern;

class BannerNormalizerTest {

  private final BannerNormalizer normalizer = new BannerNormalizer();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // Stable greetings stay as they are.
        "mail.example.com ESMTP Postfix | mail.example.com ESMTP Postfix",
        "mail.example.com ESMTP Postfix (Debian/GNU) | mail.example.com ESMTP Postfix (Debian/GNU)",
        "smtp-in2.example.org ESMTP Exim 4.96 ready | smtp-in2.example.org ESMTP Exim 4.96 ready",
        "mx.example.net ESMTP Haraka/2.8.28 ready | mx.example.net ESMTP Haraka/2.8.28 ready",
        // Gmail: a session id per connection.
        "mx.google.com ESMTP a640c23a62f3a-abc123.456 - gsmtp | mx.google.com ESMTP <id> - gsmtp",
        // Exim and Sendmail: the date.
        "mail.example.com ESMTP Exim 4.96 Sat, 28 Nov 2026 12:00:00 +0000"
            + " | mail.example.com ESMTP Exim 4.96 <date>",
        "host.example.com ESMTP Sendmail 8.15.2/8.15.2; Sat, 28 Nov 2026 13:00:00 +0100 (CET)"
            + " | host.example.com ESMTP Sendmail 8.15.2/8.15.2; <date>",
        // Microsoft: the front end's name, an ISO timestamp and a hex id.
        "BN8NAM12FT052.mail.protection.outlook.com Microsoft ESMTP MAIL Service ready at"
            + " Sat, 28 Nov 2026 12:00:00 +0000 [2026-11-28T12:00:00.000Z 08DD0F3A2B1C4D5E]"
            + " | <id>.mail.protection.outlook.com Microsoft ESMTP MAIL Service ready at <date>"
            + " [<date> <id>]",
        // Queue ids, counters and times of day.
        "relay.example.com ESMTP ready, queue 4F3A2B1C9D | relay.example.com ESMTP ready, queue <id>",
        "mx ESMTP service ready; 17 connections | mx ESMTP service ready; <n> connections",
        "mx ESMTP ready at 12:00:01 | mx ESMTP ready at <time>",
      })
  void replacesPerConnectionTokens(String greeting, String expected) {
    assertThat(normalizer.normalize(greeting)).isEqualTo(expected);
  }

  @Test
  void twoConnectionsToTheSameServerGiveTheSameBanner() {
    assertThat(normalizer.normalize("mx.google.com ESMTP d75a77b69052e-4f0a1b2c3d.12 - gsmtp"))
        .isEqualTo(normalizer.normalize("mx.google.com ESMTP 5b1f17b1804b1-33c9f8e7a6.98 - gsmtp"));
  }

  @Test
  void stripsControlAndFormatCharacters() {
    String hostile =
        "evil.example \u001b[31mRED\u001b[0m\r\nOK\u0000 \u202eright-to-left\u001b]0;t\u0007";

    assertThat(normalizer.normalize(hostile)).isEqualTo("evil.example RED OK right-to-left");
  }

  @Test
  void truncatesLongGreetingsWithoutSplittingACharacter() {
    String greeting = "mail.example.com ESMTP " + "\uD83D\uDCE7".repeat(200);

    String banner = normalizer.normalize(greeting);

    assertThat(banner.codePointCount(0, banner.length())).isEqualTo(BannerNormalizer.MAX_LENGTH);
    assertThat(Character.isHighSurrogate(banner.charAt(banner.length() - 1))).isFalse();
  }

  @Test
  void looksAtABoundedPartOfAHugeGreetingOnly() {
    BannerPattern pattern = BannerPattern.compile("(tail)$");
    String huge = "\uD83D\uDCE7".repeat(600) + "x".repeat(5000) + " tail";

    assertThat(normalizer.normalize(huge, pattern)).doesNotContain("tail").hasSize(240);
  }

  @Test
  void anEndpointsPatternKeepsItsCapturingGroups() {
    BannerPattern pattern = BannerPattern.compile("^(\\S+) ESMTP .* (gsmtp)$");

    assertThat(normalizer.normalize("mx.google.com ESMTP 4f0a1b2c3d - gsmtp", pattern))
        .isEqualTo("mx.google.com gsmtp");
  }

  @Test
  void aPatternWithoutGroupsKeepsTheWholeMatch() {
    BannerPattern pattern = BannerPattern.compile("^\\S+ ESMTP");

    assertThat(normalizer.normalize("mx.example.com ESMTP 12345 abc", pattern))
        .isEqualTo("mx.example.com ESMTP");
  }

  @Test
  void aGreetingThePatternDoesNotMatchFallsBackToTheDefault() {
    BannerPattern pattern = BannerPattern.compile("^never$");

    assertThat(normalizer.normalize("mx ESMTP queue 4F3A2B1C9D", pattern))
        .isEqualTo("mx ESMTP queue <id>");
  }

  @Test
  void aPatternSeesTheGreetingWithoutControlCharacters() {
    BannerPattern pattern = BannerPattern.compile("^(.*)$");

    assertThat(normalizer.normalize("line one\r\nline two", pattern))
        .isEqualTo("line one line two");
  }
}
