package org.smtpwatch.config;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.smtpwatch.config.LocatedNode.Mapping;

/**
 * Reads the keys that any level (top, target, port) may set for the endpoints below it, on top of
 * what the level above passed down. Only the keys a level allows are read; others it reports as
 * unknown.
 */
final class LevelSettingsReader {

  private final NodeValues values;
  private final TlsReader tlsReader;

  LevelSettingsReader(NodeValues values, TlsReader tlsReader) {
    this.values = values;
    this.tlsReader = tlsReader;
  }

  InheritedSettings read(Mapping level, List<String> allowed, InheritedSettings above) {
    InheritedSettings settings = above;
    settings =
        apply(
            level,
            allowed,
            "interval",
            settings,
            (at, s) -> values.duration(at).map(d -> s.withInterval(new Setting<>(d, at))));
    settings =
        apply(
            level,
            allowed,
            "timeout",
            settings,
            (at, s) -> values.duration(at).map(d -> s.withTimeout(new Setting<>(d, at))));
    settings =
        apply(
            level,
            allowed,
            "ehlo_name",
            settings,
            (at, s) -> ehloName(at).map(n -> s.withEhloName(new Setting<>(n, at))));
    settings =
        apply(
            level,
            allowed,
            "ip_preference",
            settings,
            (at, s) ->
                values
                    .choice(at, "ip_preference", IpPreference.values(), IpPreference::configName)
                    .map(s::withIpPreference));
    settings =
        apply(level, allowed, "labels", settings, (at, s) -> values.labels(at).map(s::withLabels));
    return apply(
        level, allowed, "tls", settings, (at, s) -> Optional.of(s.withTls(tlsReader.read(at))));
  }

  /** Applies {@code key} when this level allows and gives it; a bad value leaves the settings. */
  private static InheritedSettings apply(
      Mapping level,
      List<String> allowed,
      String key,
      InheritedSettings settings,
      BiFunction<LocatedNode, InheritedSettings, Optional<InheritedSettings>> change) {
    if (!allowed.contains(key)) {
      return settings;
    }
    return level.get(key).flatMap(node -> change.apply(node, settings)).orElse(settings);
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
                  + "\" is not a valid EHLO name (a host name such as probe.example.org, or an address literal such as [192.0.2.1])");
      return Optional.empty();
    }
    return name;
  }
}
