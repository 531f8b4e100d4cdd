package org.smtpwatch.agent.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** What a hostile server writes in its EHLO reply never becomes a keyword or a mechanism. */
class EhloParserTest {

  @Test
  void keywordsThatAreNotRfc5321KeywordsAreDropped() {
    SmtpReply reply =
        new SmtpReply(
            250,
            List.of(
                "mx.example.org",
                "X\"INJECTED{a=\"b\"}",
                "K".repeat(65),
                "K".repeat(64),
                "\u00e9t\u00e9 keyword",
                "-DASH",
                "8BITMIME",
                "X-EXPS LOGIN",
                "SIZE 99999999999999999999999999"));

    assertThat(EhloParser.parse(reply))
        .isEqualTo(
            new EhloCapabilities(
                List.of("K".repeat(64), "8BITMIME", "X-EXPS", "SIZE"),
                OptionalLong.empty(),
                List.of()));
  }

  @Test
  void mechanismsThatAreNotSaslNamesAreDropped() {
    SmtpReply reply =
        new SmtpReply(
            250, List.of("mx", "AUTH PLAIN x{y} SCRAM-SHA-256 " + "L".repeat(21) + " CRAM_MD5"));

    assertThat(EhloParser.parse(reply).authMechanisms())
        .containsExactly("PLAIN", "SCRAM-SHA-256", "CRAM_MD5");
  }
}
