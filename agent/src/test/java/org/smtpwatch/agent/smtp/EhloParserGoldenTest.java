package org.smtpwatch.agent.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * EHLO replies as real servers send them (src/test/resources/transcripts, byte-exact with CRLF),
 * read by the strict reader and parsed, compared with exactly what the probe must report.
 */
class EhloParserGoldenTest {

  private static EhloCapabilities parseTranscript(String name) throws IOException {
    try (InputStream in = EhloParserGoldenTest.class.getResourceAsStream("/transcripts/" + name)) {
      assertThat(in).as(name).isNotNull();
      SmtpReplyReader reader = new SmtpReplyReader(in, ReadTimeout.none());
      SmtpReply reply = reader.read();
      assertThat(reply.code()).isEqualTo(250);
      assertThat(reader.bufferedByteCount()).as("nothing after the reply").isZero();
      return EhloParser.parse(reply);
    }
  }

  @Test
  void postfix() throws IOException {
    assertThat(parseTranscript("postfix-ehlo.txt"))
        .isEqualTo(
            new EhloCapabilities(
                List.of(
                    "PIPELINING",
                    "SIZE",
                    "VRFY",
                    "ETRN",
                    "STARTTLS",
                    "ENHANCEDSTATUSCODES",
                    "8BITMIME",
                    "DSN",
                    "SMTPUTF8",
                    "CHUNKING"),
                OptionalLong.of(10240000),
                List.of()));
  }

  @Test
  void exim() throws IOException {
    EhloCapabilities capabilities = parseTranscript("exim-ehlo.txt");

    assertThat(capabilities)
        .isEqualTo(
            new EhloCapabilities(
                List.of(
                    "SIZE",
                    "8BITMIME",
                    "PIPELINING",
                    "PIPE_CONNECT",
                    "AUTH",
                    "CHUNKING",
                    "STARTTLS",
                    "PRDR",
                    "HELP"),
                OptionalLong.of(52428800),
                List.of("PLAIN", "LOGIN")));
    assertThat(capabilities.offersAuth()).isTrue();
    assertThat(capabilities.offersStartTls()).isTrue();
  }

  @Test
  void exchange() throws IOException {
    assertThat(parseTranscript("exchange-ehlo.txt"))
        .isEqualTo(
            new EhloCapabilities(
                List.of(
                    "SIZE",
                    "PIPELINING",
                    "DSN",
                    "ENHANCEDSTATUSCODES",
                    "STARTTLS",
                    "AUTH",
                    "8BITMIME",
                    "BINARYMIME",
                    "CHUNKING",
                    "XRDST"),
                OptionalLong.of(37748736),
                List.of("GSSAPI", "NTLM")));
  }

  @Test
  void legacyAuthEqualsFormMergesWithAuthAndUpperCases() throws IOException {
    assertThat(parseTranscript("legacy-auth-ehlo.txt"))
        .isEqualTo(
            new EhloCapabilities(
                List.of("AUTH", "SIZE", "X-UNKNOWN-EXT", "STARTTLS"),
                OptionalLong.empty(),
                List.of("LOGIN", "PLAIN")));
  }

  @Test
  void startTlsAsLastLineLowerCaseAndSizeWithoutLimit() throws IOException {
    EhloCapabilities capabilities = parseTranscript("starttls-last-ehlo.txt");

    assertThat(capabilities)
        .isEqualTo(
            new EhloCapabilities(
                List.of("8BITMIME", "SIZE", "STARTTLS"), OptionalLong.empty(), List.of()));
    assertThat(capabilities.offersStartTls()).isTrue();
    assertThat(capabilities.offersAuth()).isFalse();
  }

  @Test
  void singleLineEhloHasNoCapabilities() {
    assertThat(EhloParser.parse(new SmtpReply(250, List.of("mx.example.org"))))
        .isEqualTo(new EhloCapabilities(List.of(), OptionalLong.empty(), List.of()));
  }
}
