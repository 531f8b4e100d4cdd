package org.smtpwatch.exporter.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import org.smtpwatch.exporter.BuildInfo;

/**
 * {@code smtpwatch_build_info}: an info metric rather than a Micrometer gauge, so its name keeps
 * the {@code _info} suffix in both exposition formats.
 */
final class BuildInfoCollector implements MultiCollector {

  private static final MetricFamily BUILD_INFO =
      MetricFamily.info(
          "smtpwatch_build_info", "The running smtpwatch version and the Java version running it");

  private final BuildInfo buildInfo;

  BuildInfoCollector(BuildInfo buildInfo) {
    this.buildInfo = buildInfo;
  }

  @Override
  public MetricSnapshots collect() {
    FamilySnapshots out = new FamilySnapshots();
    out.info(
        BUILD_INFO,
        Labels.of("version", buildInfo.version(), "java_version", buildInfo.javaVersion()));
    return out.build();
  }
}
