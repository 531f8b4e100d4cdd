package org.smtpwatch.exporter.grafana;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The shipped files under the repository's {@code grafana/} directory, found by listing their
 * directories: rule files, promtool tests and dashboards added later are checked without touching
 * the tests.
 */
public final class GrafanaFiles {

  /**
   * The dashboards about watched mail domains (MX, MTA-STS): their data needs an agent watching
   * domains through a name server. Every other dashboard is about hosts and ports.
   */
  private static final Set<String> DOMAIN_DASHBOARDS = Set.of("smtpwatch-domains.json");

  private GrafanaFiles() {}

  /** {@code grafana/alerts/*.rules.yml}. */
  public static List<Path> ruleFiles() {
    return list(root().resolve("alerts"), ".rules.yml");
  }

  /** {@code grafana/alerts/tests/*.test.yml}, promtool unit tests. */
  public static List<Path> ruleTests() {
    return list(root().resolve("alerts").resolve("tests"), ".test.yml");
  }

  /** {@code grafana/dashboards/*.json}. */
  public static List<Path> dashboards() {
    return list(root().resolve("dashboards"), ".json");
  }

  /**
   * The dashboards about watched domains; fails when one listed is gone, so the list cannot go
   * stale.
   */
  public static List<Path> domainDashboards() {
    List<Path> found = dashboards().stream().filter(GrafanaFiles::aboutDomains).toList();
    if (found.size() != DOMAIN_DASHBOARDS.size()) {
      throw new AssertionError("domain dashboards " + DOMAIN_DASHBOARDS + ", found " + found);
    }
    return found;
  }

  /** Every dashboard not about watched domains, new ones included: about hosts and ports. */
  public static List<Path> hostDashboards() {
    return dashboards().stream().filter(file -> !aboutDomains(file)).toList();
  }

  private static boolean aboutDomains(Path dashboard) {
    return DOMAIN_DASHBOARDS.contains(dashboard.getFileName().toString());
  }

  /** The repository's {@code grafana/} directory, above the module the tests run in. */
  public static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path grafana = dir.resolve("grafana");
      if (Files.isDirectory(grafana.resolve("alerts"))) {
        return grafana;
      }
      dir = dir.getParent();
    }
    throw new AssertionError("no grafana/alerts directory above " + Path.of("").toAbsolutePath());
  }

  private static List<Path> list(Path dir, String suffix) {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> found =
          files.filter(file -> file.getFileName().toString().endsWith(suffix)).sorted().toList();
      if (found.isEmpty()) {
        throw new AssertionError("no *" + suffix + " in " + dir);
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }
}
