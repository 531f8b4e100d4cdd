package org.smtpwatch.exporter.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.smtpwatch.agent.dns.CurrentDns;
import org.smtpwatch.agent.probe.SmtpProber;
import org.smtpwatch.config.Config;
import org.smtpwatch.config.ConfigError;
import org.smtpwatch.config.ConfigLoadResult;
import org.smtpwatch.config.Endpoint;
import org.smtpwatch.config.TlsPolicy;
import org.smtpwatch.exporter.BuildInfo;
import org.smtpwatch.exporter.demo.DemoListener;
import org.smtpwatch.exporter.demo.DemoSetup;

/**
 * The demo made fast for tests that watch it through Prometheus: its config probed every few
 * seconds instead of every ten, endpoints moved behind the relays the test controls, and the agent
 * started as {@code run} starts it.
 */
final class FastDemo {

  private FastDemo() {}

  /** {@code demo} as the demo configured it, but on {@code port} with {@code tls}, and fast. */
  static Endpoint endpoint(
      Endpoint demo, int port, TlsPolicy tls, Duration interval, Duration timeout) {
    return new Endpoint(
        demo.host(),
        port,
        demo.mode(),
        tls,
        demo.auth(),
        demo.labels(),
        interval,
        timeout,
        demo.ehloName(),
        demo.ipPreference(),
        demo.bannerPattern());
  }

  /** Starts the agent on {@code config} as {@code run} wires it, with no config file to reload. */
  static RunningExporter startAgent(Config config) {
    return RunningExporter.start(
        config,
        Path.of("(test config)"),
        new SmtpProber(),
        FastDemo::noReload,
        BuildInfo.current(),
        Clock.systemUTC());
  }

  /**
   * As {@link #startAgent(Config)}, resolving watched domains, their MX hosts and policy servers
   * through the config's {@code dns:} section, as {@code run} does.
   */
  static RunningExporter startDomainAgent(Config config) {
    CurrentDns dns = new CurrentDns();
    return RunningExporter.start(
        config,
        Path.of("(test config)"),
        new SmtpProber(dns),
        FastDemo::noReload,
        BuildInfo.current(),
        dns,
        Clock.systemUTC());
  }

  /** The demo's listener shaped like {@code shapedLike} (25, 465, 587, 2525). */
  static DemoListener listener(DemoSetup setup, int shapedLike) {
    return setup.server().listeners().stream()
        .filter(listener -> listener.shapedLike() == shapedLike)
        .findFirst()
        .orElseThrow();
  }

  /** A reload that always fails: these tests have no config file to read again. */
  private static ConfigLoadResult noReload(Path ignored) {
    return new ConfigLoadResult.Invalid(
        List.of(new ConfigError("test", 0, 0, "", "this test has no config file to reload")));
  }

  /** The demo's config with {@code endpoints} instead of its own, listening on a free port. */
  static Config of(Config demo, List<Endpoint> endpoints, Duration interval, Duration timeout) {
    return new Config(
        null,
        "127.0.0.1:0",
        interval,
        timeout,
        demo.ehloName(),
        demo.maxConcurrentProbes(),
        endpoints,
        demo.web(),
        demo.probe());
  }
}
