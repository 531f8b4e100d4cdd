package org.smtpwatch.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The unit's hardening, as systemd itself scores it. {@code systemd-analyze verify} needs the
 * command and man page the unit names, so it runs on the installed package ({@link
 * InstalledPackageIT}).
 */
class SystemdUnitTest {

  private static final Pattern EXPOSURE =
      Pattern.compile("Overall exposure level for smtpwatch\\.service: (\\d+\\.\\d+)");

  @Test
  void systemdScoresTheUnitTwoOrLower() {
    Commands.Result result =
        Commands.run(
            Duration.ofSeconds(60),
            "systemd-analyze",
            "security",
            "--offline=true",
            "--no-pager",
            Repository.unit().toString());

    assertThat(result.exitCode()).as(result.describe()).isZero();
    Matcher exposure = EXPOSURE.matcher(result.output());
    assertThat(exposure.find()).as(result.output()).isTrue();
    assertThat(Double.parseDouble(exposure.group(1))).as(result.output()).isLessThanOrEqualTo(2.0);
  }

  @Test
  void theUnitRunsTheAgentAsTheIssueAsks() throws IOException {
    List<String> lines = Files.readAllLines(Repository.unit());

    assertThat(lines)
        .contains(
            "ExecStart=/usr/bin/smtpwatch run --config /etc/smtpwatch/smtpwatch.yml",
            "ExecReload=/bin/kill -HUP $MAINPID",
            "DynamicUser=yes",
            "ConfigurationDirectory=smtpwatch",
            "CapabilityBoundingSet=",
            "ProtectSystem=strict",
            "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX",
            "SystemCallFilter=@system-service",
            "Restart=on-failure",
            "SuccessExitStatus=143",
            "MemoryDenyWriteExecute=no");
    // Hides /proc/net/if_inet6, and without it the JVM refuses every IPv6 socket.
    assertThat(lines).doesNotContain("ProcSubset=pid");
    assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("MemoryMax="));
    assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("TasksMax="));
    assertThat(lines)
        .filteredOn(line -> line.startsWith("Environment=\"JAVA_OPTS="))
        .singleElement()
        .asString()
        .contains("-XX:+ExitOnOutOfMemoryError", "-Xmx");
  }
}
