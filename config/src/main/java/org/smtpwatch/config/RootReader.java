package org.smtpwatch.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.smtpwatch.config.LocatedNode.Mapping;
import org.smtpwatch.config.LocatedNode.Sequence;

/** Reads the top level of the file: the global settings and the list of targets. */
final class RootReader {

  static final List<String> KEYS =
      List.of(
          "listen",
          "interval",
          "timeout",
          "ehlo_name",
          "max_concurrent_probes",
          "ip_preference",
          "targets",
          "domains",
          "dns",
          "web",
          "probe");
  static final String DEFAULT_LISTEN = ":10785";
  static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

  /**
   * Enough for hundreds of endpoints at a 60s interval, few enough not to look like a scan from the
   * receiving side.
   */
  static final int DEFAULT_MAX_CONCURRENT_PROBES = 64;

  /** Far beyond any sane value; a bound so a typo (640000) is caught rather than honoured. */
  private static final int MAX_CONCURRENT_PROBES_LIMIT = 100_000;

  private static final Pattern LISTEN = Pattern.compile("(\\[[^\\]]*\\]|[^:\\[\\]]*):(\\d{1,5})");

  private static final Map<String, String> PER_TARGET =
      Map.of(
          "labels", "labels are set per target or per port",
          "tls", "tls is set per target or per port",
          "mode", "mode is set per port",
          "auth", "auth is set per port",
          "host",
              "hosts are listed under targets:, e.g. targets: [{host: mail.example.com, ports: [25]}]",
          "ports", "ports are listed per target, under targets:");

  private final NodeValues values;
  private final LevelSettingsReader levelReader;
  private final TargetReader targetReader;
  private final Supplier<String> defaultEhloName;
  private final WebReader webReader;
  private final ProbeAccessReader probeAccessReader;
  private final DomainReader domainReader;
  private final DnsReader dnsReader;

  RootReader(
      NodeValues values,
      LevelSettingsReader levelReader,
      TargetReader targetReader,
      Supplier<String> defaultEhloName,
      WebReader webReader,
      ProbeAccessReader probeAccessReader,
      DomainReader domainReader,
      DnsReader dnsReader) {
    this.domainReader = domainReader;
    this.dnsReader = dnsReader;
    this.values = values;
    this.levelReader = levelReader;
    this.targetReader = targetReader;
    this.defaultEhloName = defaultEhloName;
    this.webReader = webReader;
    this.probeAccessReader = probeAccessReader;
  }

  /** The config, or empty when the root is not even a mapping; other errors are in the list. */
  Optional<Config> read(LocatedNode node, Path source) {
    Optional<Mapping> mapping = values.mapping(node, KEYS, PER_TARGET);
    if (mapping.isEmpty()) {
      return Optional.empty();
    }
    Mapping root = mapping.get();
    InheritedSettings global = levelReader.read(root, KEYS, builtInDefaults(root));
    String listen = root.get("listen").flatMap(this::listen).orElse(DEFAULT_LISTEN);
    int maxConcurrent =
        root.get("max_concurrent_probes")
            .flatMap(
                n ->
                    values.integer(
                        n, 1, MAX_CONCURRENT_PROBES_LIMIT, "must be between 1 and 100000, not {}"))
            .orElse(DEFAULT_MAX_CONCURRENT_PROBES);
    List<DomainSpec> domains = domains(root, global);
    List<EndpointDraft> drafts = targets(root, global, root.get("domains").isPresent());
    new EndpointChecks(values.errors()).check(drafts);
    DnsSettings dns = root.get("dns").map(dnsReader::read).orElse(DnsSettings.SYSTEM);
    List<Endpoint> endpoints = drafts.stream().map(EndpointDraft::endpoint).toList();
    WebConfig web = root.get("web").map(webReader::read).orElse(WebConfig.NONE);
    ProbeAccess probe =
        root.get("probe").map(probeAccessReader::read).orElse(ProbeAccess.CONFIGURED_ONLY);
    return Optional.of(
        new Config(
            source,
            listen,
            global.interval().value(),
            global.timeout().value(),
            global.ehloName().value(),
            maxConcurrent,
            endpoints,
            web,
            probe,
            domains,
            dns));
  }

  private List<DomainSpec> domains(Mapping root, InheritedSettings global) {
    Optional<LocatedNode> node = root.get("domains");
    List<LocatedNode> items =
        node.flatMap(n -> values.sequence(n, "[{name: example.org, ports: [25]}]"))
            .map(Sequence::items)
            .orElse(List.of());
    List<DomainSpec> domains = new ArrayList<>();
    Map<String, DomainDraft> seen = new HashMap<>();
    for (LocatedNode item : items) {
      Optional<DomainDraft> draft = domainReader.read(item, global);
      if (draft.isEmpty()) {
        continue;
      }
      new EndpointChecks(values.errors()).check(draft.get().templates());
      DomainDraft first = seen.putIfAbsent(draft.get().spec().name(), draft.get());
      if (first != null) {
        values
            .errors()
            .at(
                draft.get().node(),
                "domain "
                    + draft.get().spec().name()
                    + " is already listed at "
                    + first.node().path()
                    + " (line "
                    + first.node().line()
                    + ")");
      } else {
        domains.add(draft.get().spec());
      }
    }
    return domains;
  }

  /**
   * Looking up this machine's name can take a DNS round trip, so it only happens when the file does
   * not set {@code ehlo_name}; when it does, the placeholder is replaced (or an error reported)
   * before anyone sees it.
   */
  private InheritedSettings builtInDefaults(Mapping root) {
    String ehloName = root.get("ehlo_name").isPresent() ? "" : defaultEhloName.get();
    return new InheritedSettings(
        Setting.builtIn(DEFAULT_INTERVAL),
        Setting.builtIn(DEFAULT_TIMEOUT),
        Setting.builtIn(ehloName),
        IpPreference.ANY,
        Map.of(),
        TlsSettings.NONE);
  }

  private List<EndpointDraft> targets(
      Mapping root, InheritedSettings global, boolean domainsGiven) {
    Optional<LocatedNode> node = root.get("targets");
    if (node.isEmpty()) {
      if (!domainsGiven) {
        values.errors().at(root, "missing targets (the list of hosts to probe)");
      }
      return List.of();
    }
    Optional<Sequence> targets =
        values.sequence(node.get(), "[{host: mail.example.com, ports: [25, 587]}]");
    if (targets.isPresent() && targets.get().items().isEmpty()) {
      values.errors().at(node.get(), "no targets; list at least one host to probe");
    }
    List<EndpointDraft> drafts = new ArrayList<>();
    for (LocatedNode target : targets.map(Sequence::items).orElse(List.of())) {
      drafts.addAll(targetReader.read(target, global));
    }
    return drafts;
  }

  private Optional<String> listen(LocatedNode node) {
    if (node instanceof LocatedNode.Scalar scalar
        && scalar.kind() == LocatedNode.ScalarKind.INTEGER) {
      values
          .errors()
          .at(
              node,
              "expected an address, found a number (write the port as \":" + scalar.text() + "\")");
      return Optional.empty();
    }
    Optional<String> listen = values.text(node, "listen");
    if (listen.isEmpty()) {
      return listen;
    }
    if (!isListenAddress(listen.get())) {
      values
          .errors()
          .at(
              node,
              "\""
                  + listen.get()
                  + "\" is not a listen address (use :10785, 127.0.0.1:10785 or [::1]:10785)");
      return Optional.empty();
    }
    return listen;
  }

  /** {@code :port}, {@code host:port} or {@code [ipv6]:port}, with a port from 1 to 65535. */
  private static boolean isListenAddress(String text) {
    Matcher parts = LISTEN.matcher(text);
    if (!parts.matches()) {
      return false;
    }
    int port = Integer.parseInt(parts.group(2));
    String host = parts.group(1);
    return port >= 1
        && port <= 65535
        && (host.isEmpty() || Hostnames.isValidHost(Hostnames.normalize(host)));
  }
}
