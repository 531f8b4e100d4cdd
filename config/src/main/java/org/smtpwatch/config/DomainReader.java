package org.smtpwatch.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.smtpwatch.config.LocatedNode.Mapping;
import org.smtpwatch.config.LocatedNode.Scalar;
import org.smtpwatch.config.LocatedNode.ScalarKind;
import org.smtpwatch.config.LocatedNode.Sequence;

/**
 * Reads one entry of {@code domains:}: a mail domain, the ports to probe on each of its MX hosts
 * (with the same per-port settings as a target's), and how to fetch its MTA-STS policy.
 */
final class DomainReader {

  static final List<String> KEYS =
      List.of(
          "name",
          "ports",
          "labels",
          "interval",
          "timeout",
          "ehlo_name",
          "ip_preference",
          "tls",
          "mta_sts");
  static final List<String> MTA_STS_KEYS = List.of("enabled", "port", "ca_file");

  private static final Map<String, String> ELSEWHERE =
      Map.of("host", "a domain is given by name:, its MX hosts are found in DNS");

  private final NodeValues values;
  private final LevelSettingsReader levelReader;
  private final PortReader portReader;
  private final ReadableFiles files;
  private final Path baseDir;

  DomainReader(
      NodeValues values,
      LevelSettingsReader levelReader,
      PortReader portReader,
      ReadableFiles files,
      Path baseDir) {
    this.values = values;
    this.levelReader = levelReader;
    this.portReader = portReader;
    this.files = files;
    this.baseDir = baseDir;
  }

  Optional<DomainDraft> read(LocatedNode node, InheritedSettings global) {
    Optional<Mapping> mapping = values.mapping(node, KEYS, ELSEWHERE);
    if (mapping.isEmpty()) {
      return Optional.empty();
    }
    Mapping domain = mapping.get();
    Optional<String> name = name(domain);
    if (name.isEmpty()) {
      return Optional.empty();
    }
    InheritedSettings settings =
        levelReader.read(domain, KEYS, global).withLabels(Map.of(DomainSpec.LABEL, name.get()));
    List<EndpointDraft> templates = new ArrayList<>();
    for (LocatedNode port : ports(domain)) {
      portReader.read(port, name.get(), settings).ifPresent(templates::add);
    }
    MtaStsSettings mtaSts = domain.get("mta_sts").map(this::mtaSts).orElse(MtaStsSettings.DEFAULT);
    DomainSpec spec =
        new DomainSpec(
            name.get(), templates.stream().map(EndpointDraft::endpoint).toList(), mtaSts);
    return Optional.of(new DomainDraft(spec, domain.get("name").orElseThrow(), templates));
  }

  /** The listed ports; without {@code ports:}, port 25 alone, where MTAs deliver. */
  private List<LocatedNode> ports(Mapping domain) {
    Optional<LocatedNode> node = domain.get("ports");
    if (node.isEmpty()) {
      return List.of(
          new Scalar("25", ScalarKind.INTEGER, domain.path(), domain.line(), domain.column()));
    }
    List<LocatedNode> ports =
        values.sequence(node.get(), "[25]").map(Sequence::items).orElse(List.of());
    if (ports.isEmpty()) {
      values.errors().at(node.get(), "no ports; list at least one (e.g. [25])");
    }
    return ports;
  }

  private Optional<String> name(Mapping domain) {
    Optional<LocatedNode> node = domain.get("name");
    if (node.isEmpty()) {
      values.errors().at(domain, "missing name (the mail domain, e.g. name: example.org)");
      return Optional.empty();
    }
    Optional<String> name = values.text(node.get(), "name").map(Hostnames::normalize);
    if (name.isPresent() && !Hostnames.isDnsName(name.get())) {
      values.errors().at(node.get(), "\"" + name.get() + "\" is not a domain name");
      return Optional.empty();
    }
    return name.map(n -> n.toLowerCase(Locale.ROOT));
  }

  private MtaStsSettings mtaSts(LocatedNode node) {
    Optional<Mapping> mapping = values.mapping(node, MTA_STS_KEYS);
    if (mapping.isEmpty()) {
      return MtaStsSettings.DEFAULT;
    }
    Mapping mtaSts = mapping.get();
    return new MtaStsSettings(
        mtaSts.get("enabled").flatMap(values::bool).orElse(true),
        mtaSts
            .get("port")
            .flatMap(n -> values.integer(n, 1, 65535, "port {} is out of range (1-65535)"))
            .orElse(MtaStsSettings.DEFAULT.port()),
        mtaSts
            .get("ca_file")
            .flatMap(n -> values.path(n, baseDir).filter(f -> files.checkHoldsCertificate(n, f)))
            .orElse(null));
  }
}
