package org.smtpwatch.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.smtpwatch.config.LocatedNode.Entry;
import org.smtpwatch.config.LocatedNode.Mapping;

/**
 * Reads the keys that any level (top, target, port) may set for the endpoints below it, on top of
 * what the level above passed down. Only the keys a level allows are read; the others are reported
 * as unknown by whoever reads that level's mapping.
 */
final class LevelSettingsReader {

  /** Applies one key's value; empty when the value is bad (and reported). */
  private interface Change {
    Optional<InheritedSettings> apply(LocatedNode value, InheritedSettings settings);
  }

  private final NodeValues values;
  private final Map<String, Change> changes;

  LevelSettingsReader(NodeValues values, TlsReader tlsReader) {
    this.values = values;
    this.changes =
        Map.of(
            "interval",
            (at, s) -> values.duration(at).map(d -> s.withInterval(new Setting<>(d, at))),
            "timeout",
            (at, s) -> values.duration(at).map(d -> s.withTimeout(new Setting<>(d, at))),
            "ehlo_name",
            (at, s) -> ehloName(at).map(n -> s.withEhloName(new Setting<>(n, at))),
            "ip_preference",
            (at, s) -> ipPreference(at).map(s::withIpPreference),
            "labels",
            (at, s) -> values.labels(at).map(s::withLabels),
            "tls",
            (at, s) -> Optional.of(s.withTls(tlsReader.read(at))));
  }

  /** {@code above} with what {@code level} sets; a bad value leaves the inherited one in place. */
  InheritedSettings read(Mapping level, List<String> allowed, InheritedSettings above) {
    InheritedSettings settings = above;
    for (Entry entry : level.entries()) {
      Change change = changes.get(entry.key());
      if (change != null && allowed.contains(entry.key())) {
        InheritedSettings before = settings;
        settings = change.apply(entry.value(), before).orElse(before);
      }
    }
    return settings;
  }

  private Optional<IpPreference> ipPreference(LocatedNode node) {
    return values.choice(node, "ip_preference", IpPreference.values(), IpPreference::configName);
  }

  private Optional<String> ehloName(LocatedNode node) {
    Optional<String> name = values.text(node, "ehlo_name");
    if (name.isPresent() && !Hostnames.isEhloName(name.get())) {
      values
          .errors()
          .at(
              node,
              "\""
                  + name.get()
                  + "\" is not a valid EHLO name (a host name such as probe.example.org, or an"
                  + " address literal such as [192.0.2.1])");
      return Optional.empty();
    }
    return name;
  }
}
