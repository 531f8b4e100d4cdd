package org.smtpwatch.exporter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.smtpwatch.agent.probe.HostResolver;
import org.smtpwatch.agent.probe.ProbeResult;
import org.smtpwatch.agent.probe.SmtpProber;
import org.smtpwatch.agent.testkit.ScriptedSmtpServer;
import org.smtpwatch.agent.testkit.TestEndpoints;
import org.smtpwatch.config.Endpoint;
import org.smtpwatch.exporter.metrics.TextFormatGrammar.Sample;

/**
 * The hostile-server catalogue: for each misbehaving server, the probe ends within its deadline
 * (plus a small margin), fails in the right phase with the right reason (or succeeds where the
 * misbehaviour is harmless), allocates a bounded amount of memory however much the server sends,
 * and the scrape that reports it stays valid for Prometheus's own parser.
 */
class HostileServerCatalogueTest {

  static final String HOST = "mx.smtpwatch.test";
  static final Duration MARGIN = Duration.ofMillis(500);

  /**
   * What one probe may allocate. The floods offer hundreds of megabytes; a TLS handshake with a
   * monstrous certificate needs a few; anything near this bound means a reply was not capped.
   */
  static final long ALLOCATION_BOUND = 48L << 20;

  private static final HostResolver RESOLVER =
      host -> {
        if (host.equals(HOST)) {
          return List.of(InetAddress.getByAddress(HOST, new byte[] {127, 0, 0, 1}));
        }
        throw new UnknownHostException(host);
      };

  private final SmtpProber prober = new SmtpProber(RESOLVER);

  /**
   * The first probe of each mode in a JVM loads that mode's classes (SMTP, TLS) inside its own
   * timing, up to half a second on a busy two-core machine; what the cases check is the deadline,
   * so each mode is probed once before them, its result unchecked.
   */
  @BeforeAll
  static void loadEachModesClasses() throws Exception {
    HostileServerCatalogueTest warmUp = new HostileServerCatalogueTest();
    catalogue()
        .collect(Collectors.toMap(HostileServer::mode, hostile -> hostile, (first, later) -> first))
        .values()
        .forEach(warmUp::probeOnce);
  }

  private ProbeResult probeOnce(HostileServer hostile) {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.start(hostile.script().get())) {
      return prober.probe(
          TestEndpoints.endpoint(
              HOST, server.port(), hostile.mode(), hostile.tls(), hostile.timeout()));
    } catch (Exception e) {
      throw new IllegalStateException("warm-up probe of " + hostile + " failed", e);
    }
  }

  static Stream<HostileServer> catalogue() {
    return Stream.concat(HostileSmtpServers.all().stream(), HostileTlsServers.all().stream());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalogue")
  void theProbeEndsInTimeWithTheRightReasonAndAValidScrape(HostileServer hostile) throws Exception {
    ProbeResult result;
    long allocated;
    try (ScriptedSmtpServer server = ScriptedSmtpServer.start(hostile.script().get())) {
      Endpoint endpoint =
          TestEndpoints.endpoint(
              HOST, server.port(), hostile.mode(), hostile.tls(), hostile.timeout());
      long before = allocatedByThisThread();
      result = prober.probe(endpoint);
      allocated = allocatedByThisThread() - before;
    }

    System.out.println(
        "CASE "
            + hostile
            + " -> "
            + result.failure()
            + " "
            + result.duration()
            + " alloc="
            + allocated);
    assertThat(result.duration()).isLessThanOrEqualTo(hostile.timeout().plus(MARGIN));
    if (hostile.reason() == null) {
      assertThat(result.failure()).as("failure").isNull();
    } else {
      assertThat(result.failure()).as("failure").isNotNull();
      assertThat(result.failure().phase()).as("%s", result.failure()).isEqualTo(hostile.phase());
      assertThat(result.failure().reason()).as("%s", result.failure()).isEqualTo(hostile.reason());
      assertThat(result.failure().detail()).contains(hostile.detail()).hasSizeLessThan(1000);
    }
    assertThat(allocated).as("bytes allocated by the probe").isLessThan(ALLOCATION_BOUND);
    assertValidScrape(result);
  }

  private static void assertValidScrape(ProbeResult result) throws Exception {
    String text;
    try (StoreFixture fixture = new StoreFixture()) {
      fixture.record(result);
      text = fixture.text();
    }
    List<Sample> samples = TextFormatGrammar.parse(text);
    assertThat(samples)
        .filteredOn(s -> s.name().equals("smtp_probe_success"))
        .singleElement()
        .satisfies(s -> assertThat(s.labels()).containsEntry("host", HOST));
    assertThat(samples).filteredOn(s -> s.name().equals("smtp_banner_info")).hasSizeLessThan(2);
    assertThat(samples)
        .allSatisfy(s -> s.labels().values().forEach(v -> assertThat(v).hasSizeLessThan(300)));
    assertThat(samples)
        .filteredOn(s -> s.name().equals("smtp_ehlo_extension_info"))
        .allSatisfy(s -> assertThat(s.labels().get("extension")).matches("[A-Z0-9][A-Z0-9_-]*"));
    Promtool.Verdict verdict = Promtool.checkMetrics(text);
    assertThat(verdict.exitCode()).as(verdict.output()).isIn(0, 3);
    assertThat(verdict.output().lines()).noneSatisfy(line -> assertThat(line).startsWith("smtp"));
  }

  private static long allocatedByThisThread() {
    return ((ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
  }
}
