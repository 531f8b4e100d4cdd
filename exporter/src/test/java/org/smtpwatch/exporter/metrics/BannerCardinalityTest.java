package org.smtpwatch.exporter.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpwatch.agent.testkit.Script.script;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.smtpwatch.agent.probe.ProbeResult;
import org.smtpwatch.agent.probe.SmtpProber;
import org.smtpwatch.agent.testkit.Script;
import org.smtpwatch.agent.testkit.ScriptedSmtpServer;
import org.smtpwatch.agent.testkit.TestEndpoints;
import org.smtpwatch.config.Endpoint;
import org.smtpwatch.config.Mode;

/**
 * A thousand real probes of a server whose greeting is different every time (a session id, a
 * counter, the time, as Exim and Microsoft front ends do): the scrape has the same number of series
 * after the last probe as after the first, and exactly one banner series.
 */
class BannerCardinalityTest {

  private static final int PROBES = 1000;

  @Test
  void aBannerThatChangesEveryTimeKeepsTheSeriesCountConstant() throws Exception {
    AtomicLong connection = new AtomicLong();
    Script changing =
        script()
            .sendGenerated(
                () ->
                    "220 mx.smtpwatch.test ESMTP Exim 4.96 #"
                        + connection.incrementAndGet()
                        + " id "
                        + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong())
                        + " "
                        + Instant.now())
            .expect("EHLO")
            .send("250-mx.smtpwatch.test", "250 PIPELINING")
            .expect("QUIT")
            .send("221 bye");
    SmtpProber prober =
        new SmtpProber(host -> List.of(InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})));

    try (ScriptedSmtpServer server = ScriptedSmtpServer.start(changing);
        StoreFixture fixture = new StoreFixture()) {
      Endpoint endpoint =
          TestEndpoints.endpoint(
              "mx.smtpwatch.test",
              server.port(),
              Mode.PLAIN,
              TestEndpoints.noTls(),
              Duration.ofSeconds(5));
      Integer seriesAfterFirst = null;
      for (int i = 0; i < PROBES; i++) {
        ProbeResult result = prober.probe(endpoint);
        assertThat(result.success()).as("probe %d: %s", i, result.failure()).isTrue();
        fixture.record(result);
        if (i == 0 || i % 100 == 99) {
          List<String> lines = fixture.smtpLines();
          assertThat(lines).filteredOn(l -> l.startsWith("smtp_banner_info")).hasSize(1);
          if (seriesAfterFirst == null) {
            seriesAfterFirst = lines.size();
          }
          assertThat(lines).as("series after %d probes", i + 1).hasSize(seriesAfterFirst);
        }
      }
      assertThat(connection.get()).isEqualTo(PROBES);
    }
  }
}
