package org.smtpwatch.agent.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smtpwatch.agent.smtp.SmtpProtocolException.Kind;

class SmtpReplyReaderTest {

  private static SmtpReplyReader reader(String wire) {
    return reader(wire.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static SmtpReplyReader reader(byte[] wire) {
    return new SmtpReplyReader(new ByteArrayInputStream(wire), ReadTimeout.none());
  }

  private static void assertKind(String wire, Kind kind) {
    assertThatThrownBy(() -> reader(wire).read())
        .isInstanceOfSatisfying(
            SmtpProtocolException.class, e -> assertThat(e.kind()).isEqualTo(kind));
  }

  @Test
  void readsSingleLineReply() throws IOException {
    assertThat(reader("220 mx.example.org ESMTP Postfix\r\n").read())
        .isEqualTo(new SmtpReply(220, List.of("mx.example.org ESMTP Postfix")));
  }

  @Test
  void readsMultiLineReply() throws IOException {
    SmtpReply reply = reader("220-first\r\n220-second\r\n220 third\r\n").read();

    assertThat(reply).isEqualTo(new SmtpReply(220, List.of("first", "second", "third")));
    assertThat(reply.text()).isEqualTo("first second third");
    assertThat(reply.wireLines()).containsExactly("220-first", "220-second", "220 third");
  }

  @Test
  void a421InsideAnotherReplyBecomesTheReply() throws IOException {
    assertThat(reader("250-mx.example.org\r\n250-PIPELINING\r\n421 4.3.2 closing\r\n").read())
        .isEqualTo(new SmtpReply(421, List.of("4.3.2 closing")));
    assertThat(reader("250-mx\r\n421-4.3.2 shutting\r\n421 down\r\n").read())
        .isEqualTo(new SmtpReply(421, List.of("4.3.2 shutting", "down")));
  }

  @Test
  void acceptsBareCodeAsFinalLine() throws IOException {
    assertThat(reader("250-mx.example.org\r\n250-PIPELINING\r\n250\r\n").read())
        .isEqualTo(new SmtpReply(250, List.of("mx.example.org", "PIPELINING", "")));
  }

  @Test
  void readsConsecutiveRepliesWithoutLosingBytes() throws IOException {
    SmtpReplyReader reader = reader("220 hi\r\n250-a\r\n250 b\r\n");

    assertThat(reader.read().code()).isEqualTo(220);
    assertThat(reader.bufferedByteCount()).isEqualTo("250-a\r\n250 b\r\n".length());
    assertThat(reader.read()).isEqualTo(new SmtpReply(250, List.of("a", "b")));
    assertThat(reader.bufferedByteCount()).isZero();
    assertThat(reader.bytesReceived()).isEqualTo(22);
  }

  @Test
  void rejectsBareLineFeed() {
    assertKind("220 hello\n", Kind.BARE_LINE_FEED);
  }

  @Test
  void rejectsBareCarriageReturn() {
    assertKind("220 hel\rlo\r\n", Kind.BARE_CARRIAGE_RETURN);
  }

  @Test
  void rejectsNul() {
    assertKind("220 hel\0lo\r\n", Kind.NUL_BYTE);
  }

  @Test
  void acceptsLineOfThousandOctetsAndRejectsLonger() throws IOException {
    String text998 = "220 " + "x".repeat(994);

    assertThat(reader(text998 + "\r\n").read().lines().get(0)).hasSize(994);
    assertKind(text998 + "x\r\n", Kind.LINE_TOO_LONG);
    assertKind("220 " + "x".repeat(100_000), Kind.LINE_TOO_LONG);
  }

  @Test
  void rejectsMoreThanMaximumLines() throws IOException {
    String hundred = "250-x\r\n".repeat(99) + "250 x\r\n";

    assertThat(reader(hundred).read().lines()).hasSize(100);
    assertKind("250-x\r\n".repeat(100) + "250 x\r\n", Kind.TOO_MANY_LINES);
  }

  @Test
  void rejectsChangingCodeInsideReply() {
    assertKind("250-a\r\n251 b\r\n", Kind.CODE_MISMATCH);
  }

  @Test
  void rejectsCodesOutsideTwoToFiveHundreds() {
    assertKind("199 x\r\n", Kind.MALFORMED_LINE);
    assertKind("600 x\r\n", Kind.MALFORMED_LINE);
    assertKind("22 x\r\n", Kind.MALFORMED_LINE);
    assertKind("2a0 x\r\n", Kind.MALFORMED_LINE);
    assertKind("220_x\r\n", Kind.MALFORMED_LINE);
    assertKind("\r\n", Kind.MALFORMED_LINE);
    assertKind("HTTP/1.1 400 Bad Request\r\n", Kind.MALFORMED_LINE);
  }

  @Test
  void garbageIsMalformedAndQuotedInMessage() {
    assertThatThrownBy(() -> reader("\u0016\u0003\u0001garbage\r\n").read())
        .isInstanceOf(SmtpProtocolException.class)
        .hasMessageContaining("\\x16\\x03\\x01garbage");
  }

  @Test
  void replacesInvalidUtf8InsteadOfFailing() throws IOException {
    byte[] wire = {'2', '2', '0', ' ', 'h', (byte) 0xff, 'i', '\r', '\n'};

    assertThat(reader(wire).read().text()).isEqualTo("h\uFFFDi");
  }

  @Test
  void keepsValidUtf8() throws IOException {
    assertThat(reader("220 grüß dich\r\n".getBytes(StandardCharsets.UTF_8)).read().text())
        .isEqualTo("grüß dich");
  }

  @Test
  void endOfStreamIsClosed() {
    assertKind("", Kind.CLOSED);
    assertKind("220-partial\r\n", Kind.CLOSED);
    assertKind("220 no line end", Kind.CLOSED);
  }

  @Test
  void appliesReadTimeoutBeforeEveryBlockingRead() throws IOException {
    int[] calls = {0};
    SmtpReplyReader reader =
        new SmtpReplyReader(
            new ByteArrayInputStream("220 hi\r\n".getBytes(StandardCharsets.US_ASCII)),
            () -> calls[0]++);

    reader.read();

    assertThat(calls[0]).isEqualTo(1);
  }
}
