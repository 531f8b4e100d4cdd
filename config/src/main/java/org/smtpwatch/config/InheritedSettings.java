package org.smtpwatch.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a level of the file (top, target) passes down to the next: each level may replace any of
 * these, labels merge with the deeper level winning.
 */
record InheritedSettings(
    Setting<Duration> interval,
    Setting<Duration> timeout,
    Setting<String> ehloName,
    IpPreference ipPreference,
    Map<String, String> labels,
    TlsSettings tls) {

  InheritedSettings {
    labels = Map.copyOf(labels);
  }

  InheritedSettings withInterval(Setting<Duration> value) {
    return new InheritedSettings(value, timeout, ehloName, ipPreference, labels, tls);
  }

  InheritedSettings withTimeout(Setting<Duration> value) {
    return new InheritedSettings(interval, value, ehloName, ipPreference, labels, tls);
  }

  InheritedSettings withEhloName(Setting<String> value) {
    return new InheritedSettings(interval, timeout, value, ipPreference, labels, tls);
  }

  InheritedSettings withIpPreference(IpPreference value) {
    return new InheritedSettings(interval, timeout, ehloName, value, labels, tls);
  }

  InheritedSettings withLabels(Map<String, String> more) {
    Map<String, String> merged = new LinkedHashMap<>(labels);
    merged.putAll(more);
    return new InheritedSettings(interval, timeout, ehloName, ipPreference, merged, tls);
  }

  InheritedSettings withTls(TlsSettings more) {
    return new InheritedSettings(
        interval, timeout, ehloName, ipPreference, labels, tls.overriddenBy(more));
  }
}
