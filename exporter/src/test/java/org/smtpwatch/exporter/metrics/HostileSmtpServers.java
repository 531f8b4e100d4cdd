package org.smtpwatch.exporter.metrics;

import static org.smtpwatch.agent.probe.FailureReason.CONNECTION_CLOSED;
import static org.smtpwatch.agent.probe.FailureReason.EHLO_REJECTED;
import static org.smtpwatch.agent.probe.FailureReason.PROTOCOL;
import static org.smtpwatch.agent.probe.FailureReason.TIMEOUT;
import static org.smtpwatch.agent.probe.Phase.BANNER;
import static org.smtpwatch.agent.probe.Phase.EHLO;
import static org.smtpwatch.agent.testkit.Script.script;
import static org.smtpwatch.exporter.metrics.HostileServer.failing;
import static org.smtpwatch.exporter.metrics.HostileServer.succeeding;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.smtpwatch.agent.testkit.Script;
import org.smtpwatch.config.Mode;

/** Servers that break SMTP itself: silence, floods, malformed lines, resets, injection. */
final class HostileSmtpServers {

  private HostileSmtpServers() {}

  static List<HostileServer> all() {
    return List.of(
        failing(
            "no greeting",
            Mode.PLAIN,
            script().stallUntilClientCloses(),
            BANNER,
            TIMEOUT,
            "nothing received"),
        greetingOneBytePerSecond(),
        failing(
            "endless multi-line greeting",
            Mode.PLAIN,
            script().flood("220-still greeting you\r\n"),
            BANNER,
            PROTOCOL,
            "more than 100 lines"),
        failing(
            "greeting line of megabytes",
            Mode.PLAIN,
            script().sendRaw("220 ").flood("x".repeat(64 * 1024)),
            BANNER,
            PROTOCOL,
            "longer than 1000 octets"),
        failing("binary garbage", Mode.PLAIN, garbage(), BANNER, PROTOCOL, ""),
        failing(
            "NUL byte in the banner",
            Mode.PLAIN,
            script().sendRaw("220 mx\u0000evil ESMTP\r\n").stallUntilClientCloses(),
            BANNER,
            PROTOCOL,
            "NUL"),
        succeeding(
            "invalid UTF-8 in the banner",
            Mode.PLAIN,
            script()
                .sendRaw("220 mx \u00ff\u00fe\u00c3( ESMTP\r\n")
                .expect("EHLO")
                .send("250 mx")
                .expect("QUIT")
                .send("221 bye")),
        failing(
            "reply code above 599",
            Mode.PLAIN,
            script().send("999 mx ESMTP").stallUntilClientCloses(),
            BANNER,
            PROTOCOL,
            "not an SMTP reply line"),
        failing(
            "reply code below 200",
            Mode.PLAIN,
            script().send("120 mx wait").stallUntilClientCloses(),
            BANNER,
            PROTOCOL,
            "not an SMTP reply line"),
        failing(
            "final line without the space",
            Mode.PLAIN,
            script().send("220-mx ESMTP", "220mx ready").stallUntilClientCloses(),
            BANNER,
            PROTOCOL,
            "not an SMTP reply line"),
        failing(
            "CR without LF",
            Mode.PLAIN,
            script().sendRaw("220 mx\rESMTP\r\n").stallUntilClientCloses(),
            BANNER,
            PROTOCOL,
            "CR not followed by LF"),
        failing(
            "LF without CR",
            Mode.PLAIN,
            script().sendRaw("220 mx ESMTP\n").stallUntilClientCloses(),
            BANNER,
            PROTOCOL,
            "LF without CR"),
        failing(
            "421 in the middle of EHLO",
            Mode.PLAIN,
            greeted().expect("EHLO").send("250-mx", "421 4.3.2 shutting down").close(),
            EHLO,
            EHLO_REJECTED,
            "EHLO answered 421 4.3.2 shutting down"),
        failing(
            "endless EHLO reply",
            Mode.PLAIN,
            greeted().expect("EHLO").flood("250-PIPELINING\r\n"),
            EHLO,
            PROTOCOL,
            "more than 100 lines"),
        failing(
            "EHLO reply trickling past the deadline",
            Mode.PLAIN,
            trickle(greeted().expect("EHLO"), "250-X-SLOW\r\n", Duration.ofMillis(200), 20),
            EHLO,
            TIMEOUT,
            ""),
        failing(
            "accepts, greets and never reads",
            Mode.PLAIN,
            greeted().ignoreClient(),
            EHLO,
            TIMEOUT,
            ""),
        failing(
            "closes before the greeting",
            Mode.PLAIN,
            script().close(),
            BANNER,
            CONNECTION_CLOSED,
            ""),
        failing(
            "reset before the greeting",
            Mode.PLAIN,
            script().reset(),
            BANNER,
            CONNECTION_CLOSED,
            ""),
        failing(
            "reset in the middle of the greeting",
            Mode.PLAIN,
            script().sendRaw("220-mx ESMTP\r\n220 mx").reset(),
            BANNER,
            CONNECTION_CLOSED,
            ""),
        failing(
            "reset during EHLO",
            Mode.PLAIN,
            greeted().expect("EHLO").reset(),
            EHLO,
            CONNECTION_CLOSED,
            ""),
        succeeding(
            "reset at QUIT",
            Mode.PLAIN,
            greeted().expect("EHLO").send("250 mx").expect("QUIT").reset()),
        succeeding(
            "banner that would break the exposition or inject labels",
            Mode.PLAIN,
            script()
                .send(
                    "220-evil\"} 1",
                    "220 smtp_probe_success{host=\"victim\"} 1 # TYPE x counter \\\" \u001b[2J")
                .expect("EHLO")
                .send("250-mx", "250-X\"INJECTED{a=\"b\"}", "250 8BITMIME")
                .expect("QUIT")
                .send("221 bye")),
        succeeding(
            "EHLO with absurd and oversized keywords",
            Mode.PLAIN,
            greeted()
                .expect("EHLO")
                .send(
                    "250-mx",
                    "250-SIZE 99999999999999999999999999",
                    "250-" + "K".repeat(900),
                    "250-\u00e9t\u00e9 keyword",
                    "250 AUTH=")
                .expect("QUIT")
                .send("221 bye")));
  }

  private static HostileServer greetingOneBytePerSecond() {
    return failing(
            "greeting one byte per second",
            Mode.PLAIN,
            trickle(script(), "2", Duration.ofSeconds(1), 30),
            BANNER,
            TIMEOUT,
            "incomplete reply")
        .withTimeout(Duration.ofMillis(2500));
  }

  static Script greeted() {
    return script().send("220 mx.smtpwatch.test ESMTP");
  }

  /** {@code bytes} sent {@code times} times, {@code pause} apart. */
  private static Script trickle(Script start, String bytes, Duration pause, int times) {
    Script script = start;
    for (int i = 0; i < times; i++) {
      script = script.sendRaw(bytes).delay(pause);
    }
    return script;
  }

  private static Script garbage() {
    byte[] noise = new byte[64 * 1024];
    new Random(9).nextBytes(noise);
    return script().floodBytes(noise);
  }
}
