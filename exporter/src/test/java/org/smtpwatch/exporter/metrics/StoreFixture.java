package org.smtpwatch.exporter.metrics;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.smtpwatch.agent.domain.DomainState;
import org.smtpwatch.agent.probe.ProbeResult;
import org.smtpwatch.agent.schedule.ReloadStatus;
import org.smtpwatch.agent.schedule.ResultStore;
import org.smtpwatch.config.Endpoint;
import org.smtpwatch.exporter.BuildInfo;

/** A result store filled by the test, watched by real {@link ExporterMetrics}. */
final class StoreFixture implements AutoCloseable {

  final ResultStore store = new ResultStore();
  final ExporterMetrics metrics =
      new ExporterMetrics(
          new BuildInfo("0.1.0", "17.0.15"), Clock.fixed(ProbeSamples.NOW, ZoneOffset.UTC));
  volatile ReloadStatus reloadStatus = new ReloadStatus(true, ProbeSamples.NOW, ProbeSamples.NOW);
  volatile int probesInFlight;
  volatile int maxConcurrentProbes = 8;
  volatile List<DomainState> domains = List.of();

  StoreFixture() {
    metrics.watch(
        new WatchedAgent(
            store,
            () -> reloadStatus,
            () -> probesInFlight,
            () -> maxConcurrentProbes,
            () -> domains));
  }

  StoreFixture register(Endpoint endpoint) {
    store.register(endpoint);
    return this;
  }

  StoreFixture record(ProbeResult result) {
    store.register(result.endpoint());
    store.record(result);
    return this;
  }

  String text() {
    return Exposition.text(metrics.registry());
  }

  String openMetrics() {
    return Exposition.openMetrics(metrics.registry());
  }

  /** The smtp_ sample lines of a text-format scrape, after checking the whole scrape parses. */
  List<String> smtpLines() {
    String text = text();
    TextFormatGrammar.parse(text);
    return Exposition.smtpSamples(text);
  }

  @Override
  public void close() {
    metrics.close();
  }
}
