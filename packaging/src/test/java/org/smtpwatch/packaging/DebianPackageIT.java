package org.smtpwatch.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The built .deb as lintian and dpkg-deb see it, before anything is installed. */
class DebianPackageIT {

  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  @Test
  void lintianFindsNoErrors() {
    Commands.Result result =
        Commands.run(
            TIMEOUT, "lintian", "--fail-on", "error", Repository.debianPackage().toString());

    assertThat(result.exitCode()).as(result.describe()).isZero();
    assertThat(result.output().lines()).noneMatch(line -> line.startsWith("E: "));
  }

  @Test
  void holdsExactlyTheAgentItsServiceConfigDocsAndGrafanaFiles() throws IOException {
    Set<String> files = packagedFiles();

    Set<String> expected =
        Stream.concat(
                Stream.of(
                    "/usr/share/smtpwatch/smtpwatch.jar",
                    "/usr/bin/smtpwatch",
                    "/lib/systemd/system/smtpwatch.service",
                    "/etc/smtpwatch/smtpwatch.yml",
                    "/usr/share/man/man1/smtpwatch.1.gz",
                    "/usr/share/doc/smtpwatch/copyright",
                    "/usr/share/doc/smtpwatch/changelog.gz",
                    "/usr/share/lintian/overrides/smtpwatch"),
                grafanaFiles().stream())
            .collect(Collectors.toSet());
    assertThat(files).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void theConfigIsAConffileAndJavaADependency() {
    String deb = Repository.debianPackage().toString();

    assertThat(Commands.run(TIMEOUT, "dpkg-deb", "--info", deb, "conffiles").output())
        .isEqualTo("/etc/smtpwatch/smtpwatch.yml");
    assertThat(Commands.run(TIMEOUT, "dpkg-deb", "--field", deb, "Package", "Version", "Depends"))
        .extracting(Commands.Result::output)
        .isEqualTo(
            "Package: smtpwatch\nVersion: "
                + Repository.version()
                + "\nDepends: default-jre-headless (>= 2:1.17) | java17-runtime-headless");
  }

  /** Regular files and symlinks in the package, as absolute paths. */
  private static Set<String> packagedFiles() {
    Commands.Result listing =
        Commands.run(TIMEOUT, "dpkg-deb", "--contents", Repository.debianPackage().toString());
    assertThat(listing.exitCode()).as(listing.describe()).isZero();
    return listing
        .output()
        .lines()
        .filter(line -> !line.startsWith("d"))
        .map(line -> line.substring(line.indexOf("./") + 1).replaceFirst(" -> .*$", ""))
        .collect(Collectors.toSet());
  }

  /** Whatever grafana/ holds in this checkout, where the package puts it; nothing if absent. */
  static List<String> grafanaFiles() throws IOException {
    Path grafana = Repository.root().resolve("grafana");
    if (!Files.isDirectory(grafana)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(grafana)) {
      return walk.filter(Files::isRegularFile)
          .map(file -> "/usr/share/smtpwatch/grafana/" + grafana.relativize(file))
          .toList();
    }
  }
}
