package org.smtpwatch.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.smtpwatch.config.LocatedNode.Mapping;
import org.smtpwatch.config.LocatedNode.Sequence;

/**
 * Reads one entry of {@code targets:}: a host and its ports. What a target sets (interval, timeout,
 * ehlo_name, ip_preference, labels, tls) applies to all its ports unless a port says otherwise;
 * {@code mode} and {@code auth} only make sense per port.
 */
final class TargetReader {

  static final List<String> KEYS =
      List.of(
          "host", "ports", "labels", "interval", "timeout", "ehlo_name", "ip_preference", "tls");

  private static final Map<String, String> PER_PORT =
      Map.of(
          "mode",
          "mode is set per port, e.g. ports: [{port: 2526, mode: starttls}]",
          "auth",
          "auth is set per port, e.g. ports: [{port: 587, auth: {...}}]",
          "banner_pattern",
          "banner_pattern is set per port, e.g. ports: [{port: 25, banner_pattern: '...'}]",
          "port",
          "a target lists its ports under ports:, e.g. ports: [25, 587]");

  private final NodeValues values;
  private final LevelSettingsReader levelReader;
  private final PortReader portReader;

  TargetReader(NodeValues values, LevelSettingsReader levelReader, PortReader portReader) {
    this.values = values;
    this.levelReader = levelReader;
    this.portReader = portReader;
  }

  List<EndpointDraft> read(LocatedNode node, InheritedSettings global) {
    Optional<Mapping> mapping = values.mapping(node, KEYS, PER_PORT);
    if (mapping.isEmpty()) {
      return List.of();
    }
    Mapping target = mapping.get();
    InheritedSettings settings = levelReader.read(target, KEYS, global);
    Optional<String> host = host(target);
    Optional<Sequence> ports = portList(target);
    List<EndpointDraft> endpoints = new ArrayList<>();
    for (LocatedNode port : ports.map(Sequence::items).orElse(List.of())) {
      host.flatMap(h -> portReader.read(port, h, settings)).ifPresent(endpoints::add);
    }
    return endpoints;
  }

  private Optional<String> host(Mapping target) {
    Optional<LocatedNode> node = target.get("host");
    if (node.isEmpty()) {
      values.errors().at(target, "missing host");
      return Optional.empty();
    }
    Optional<String> host = values.text(node.get(), "host");
    if (host.isPresent() && !Hostnames.isValidHost(Hostnames.normalize(host.get()))) {
      values
          .errors()
          .at(node.get(), "\"" + host.get() + "\" is not a valid host name or IP address");
      return Optional.empty();
    }
    return host.map(Hostnames::normalize);
  }

  private Optional<Sequence> portList(Mapping target) {
    Optional<LocatedNode> node = target.get("ports");
    if (node.isEmpty()) {
      values.errors().at(target, "missing ports (e.g. ports: [25, 587])");
      return Optional.empty();
    }
    Optional<Sequence> ports = values.sequence(node.get(), "[25, 587]");
    if (ports.isPresent() && ports.get().items().isEmpty()) {
      values.errors().at(node.get(), "no ports; list at least one (e.g. [25, 587])");
    }
    return ports;
  }
}
