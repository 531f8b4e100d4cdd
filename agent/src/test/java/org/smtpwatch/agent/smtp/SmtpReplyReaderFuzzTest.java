package org.smtpwatch.agent.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.smtpwatch.agent.smtp.SmtpProtocolException.Kind;

/**
 * Whatever bytes a server sends, the reply reader and the EHLO parser return bounded values or
 * {@link SmtpProtocolException}, nothing else. The corpus in {@code SmtpReplyReaderFuzzTestInputs/}
 * runs in every build; {@code JAZZER_FUZZ=1} explores (README).
 */
class SmtpReplyReaderFuzzTest {

  /** Replies one session may hold before the stream must have ended. */
  private static final int MAX_REPLIES = 10_000;

  @FuzzTest
  void anyBytesGiveRepliesOrAProtocolError(byte[] wire) throws IOException {
    SmtpReplyReader reader =
        new SmtpReplyReader(new ByteArrayInputStream(wire), ReadTimeout.none());
    for (int replies = 0; replies <= MAX_REPLIES; replies++) {
      SmtpReply reply;
      try {
        reply = reader.read();
      } catch (SmtpProtocolException e) {
        assertThat(e.kind()).isNotNull();
        assertThat(e.getMessage()).isNotBlank().hasSizeLessThan(400);
        if (e.kind() == Kind.CLOSED) {
          assertThat(reader.bytesReceived()).isEqualTo(wire.length);
        }
        return;
      }
      assertBounded(reply);
      assertBounded(EhloParser.parse(reply));
      assertThat(reader.bytesReceived()).isLessThanOrEqualTo(wire.length);
    }
    throw new AssertionError("more replies than bytes could make");
  }

  private static void assertBounded(SmtpReply reply) {
    assertThat(reply.code()).isBetween(200, 599);
    assertThat(reply.lines()).isNotEmpty().hasSizeLessThanOrEqualTo(SmtpReplyReader.MAX_LINES);
    for (String line : reply.lines()) {
      assertThat(line).hasSizeLessThan(SmtpReplyReader.MAX_LINE_OCTETS).doesNotContain("\r", "\n");
      assertThat(line).doesNotContain("\0");
    }
    assertThat(reply.summary()).startsWith(Integer.toString(reply.code()));
    assertThat(reply.wireLines()).hasSameSizeAs(reply.lines());
  }

  private static void assertBounded(EhloCapabilities capabilities) {
    for (String keyword : capabilities.keywords()) {
      assertThat(keyword).matches("[A-Z0-9][A-Z0-9_-]{0,63}");
    }
    for (String mechanism : capabilities.authMechanisms()) {
      assertThat(mechanism).matches("[A-Z0-9_-]{1,20}");
    }
    capabilities.sizeLimit().ifPresent(size -> assertThat(size).isNotNegative());
  }
}
