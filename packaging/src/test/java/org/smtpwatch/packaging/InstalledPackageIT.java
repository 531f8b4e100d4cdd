package org.smtpwatch.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The package's life on a machine, as an admin lives it: install, check the config, look at the
 * version, edit the config, upgrade (a reinstall), remove, purge. The steps depend on each other,
 * so they are one test; {@link MachineInstall} purges whatever happens.
 */
class InstalledPackageIT {

  private static final Duration TIMEOUT = Duration.ofMinutes(1);
  private static final Path CONFIG = Path.of("/etc/smtpwatch/smtpwatch.yml");
  private static final Path UNIT = Path.of("/lib/systemd/system/smtpwatch.service");
  private static final Path ENABLED =
      Path.of("/etc/systemd/system/multi-user.target.wants/smtpwatch.service");
  private static final Map<String, String> SHELL_PATH = Map.of("PATH", "/usr/bin:/bin");

  @TempDir Path scratch;

  @Test
  void installsRunsKeepsAnEditedConfigAndPurgesCleanly() throws Exception {
    String deb = Repository.debianPackage().toString();
    try (MachineInstall machine = MachineInstall.claim()) {
      machine.dpkg("--install", deb);

      assertThat(machine.status()).isEqualTo("installed");
      assertThat(ENABLED).as("installed disabled: the admin enables it").doesNotExist();
      assertThat(Files.readString(CONFIG))
          .isEqualTo(Files.readString(Repository.root().resolve("config/smtpwatch.example.yml")));
      assertThat(Files.readString(UNIT)).isEqualTo(Files.readString(Repository.unit()));
      assertInstalledFilesRun();
      assertTheLauncherFindsJavaOrSaysWhyNot();
      assertSystemdAcceptsTheInstalledUnit();
      List<String> installed =
          machine.dpkg("--listfiles", MachineInstall.PACKAGE).output().lines().toList();

      String edited = assertAnUpgradeKeepsTheAdminsConfigAndChoice(machine, deb);
      assertRemoveKeepsTheConfigAndPurgeOnlyWhatThePackageOwns(machine, edited, installed);
    }
  }

  /** The admin edits the config and enables the service; an upgrade keeps both. */
  private static String assertAnUpgradeKeepsTheAdminsConfigAndChoice(
      MachineInstall machine, String deb) throws Exception {
    String edited = Files.readString(CONFIG).replace("interval: 60s", "interval: 90s");
    Files.writeString(CONFIG, edited);
    run("systemctl", "enable", "smtpwatch.service");

    machine.dpkg("--install", deb);

    assertThat(Files.readString(CONFIG)).isEqualTo(edited);
    assertThat(ENABLED).isSymbolicLink();
    return edited;
  }

  private static void assertRemoveKeepsTheConfigAndPurgeOnlyWhatThePackageOwns(
      MachineInstall machine, String edited, List<String> installed) throws Exception {
    machine.dpkg("--remove", MachineInstall.PACKAGE);
    assertThat(machine.status()).isEqualTo("config-files");
    assertThat(Path.of("/usr/bin/smtpwatch")).doesNotExist();
    assertThat(Files.readString(CONFIG)).isEqualTo(edited);

    Path adminsFile = machine.addFile(Path.of("/etc/smtpwatch/monitor.pass"), "secret\n");
    machine.dpkg("--purge", MachineInstall.PACKAGE);

    assertThat(machine.status()).isEqualTo("not-installed");
    assertThat(ENABLED).doesNotExist();
    assertThat(Path.of("/var/lib/systemd/deb-systemd-helper-enabled/smtpwatch.service.dsh-also"))
        .doesNotExist();
    assertThat(CONFIG).doesNotExist();
    assertThat(adminsFile).hasContent("secret");
    assertThat(installed)
        .filteredOn(path -> path.contains("smtpwatch") && !path.equals("/etc/smtpwatch"))
        .allSatisfy(path -> assertThat(Path.of(path)).doesNotExist());
  }

  /** The launcher finds Java as the README promises, and the shipped config passes its check. */
  private void assertInstalledFilesRun() throws Exception {
    Commands.Result check = run("/usr/bin/smtpwatch", "check-config", CONFIG.toString());
    assertThat(check.exitCode()).as(check.describe()).isZero();
    assertThat(check.output()).contains("config OK: 8 endpoints");

    assertThat(run("smtpwatch", "--version").output()).startsWith(versionLine());
  }

  /** $JAVA_HOME, the PATH, /usr/lib/jvm, in that order, each only when it is Java 17 or newer. */
  private void assertTheLauncherFindsJavaOrSaysWhyNot() throws Exception {
    String version = versionLine();
    // A JAVA_HOME too old is passed over for the java on the PATH.
    Path oldJava = scratch.resolve("old-jdk");
    Files.createDirectories(oldJava.resolve("bin"));
    Files.writeString(oldJava.resolve("release"), "JAVA_VERSION=\"11.0.2\"\n");
    Path fakeJava = Files.writeString(oldJava.resolve("bin/java"), "#!/bin/sh\nexit 99\n");
    Files.setPosixFilePermissions(fakeJava, PosixFilePermissions.fromString("rwxr-xr-x"));
    Commands.Result withOldHome =
        Commands.run(
            TIMEOUT,
            Map.of("JAVA_HOME", oldJava.toString(), "PATH", "/usr/bin:/bin"),
            List.of("/usr/bin/smtpwatch", "--version"));
    assertThat(withOldHome.output()).as(withOldHome.describe()).startsWith(version);

    // No java on the PATH either: the newest runtime under /usr/lib/jvm.
    Path tools = Files.createDirectories(scratch.resolve("tools"));
    for (String tool : List.of("sh", "sed", "dirname", "readlink", "ls", "sort", "head")) {
      Files.createSymbolicLink(tools.resolve(tool), Path.of("/usr/bin", tool).toRealPath());
    }
    Commands.Result withoutPath =
        Commands.run(
            TIMEOUT, Map.of("PATH", tools.toString()), List.of("/usr/bin/smtpwatch", "--version"));
    assertThat(withoutPath.output()).as(withoutPath.describe()).startsWith(version);

    // Nothing that fits: /usr/lib/jvm hidden under an empty mount in a namespace of its own.
    Commands.Result noJava =
        Commands.run(
            TIMEOUT,
            Map.of("JAVA_HOME", oldJava.toString(), "PATH", tools.toString()),
            List.of(
                "/usr/bin/unshare",
                "--mount",
                "/usr/bin/sh",
                "-c",
                "/usr/bin/mount -t tmpfs none /usr/lib/jvm && exec /usr/bin/smtpwatch --version"));
    assertThat(noJava.exitCode()).as(noJava.describe()).isEqualTo(1);
    assertThat(noJava.output())
        .startsWith("smtpwatch: no Java 17 or newer found; looked at $JAVA_HOME, the PATH")
        .contains(oldJava + "/bin/java (release 11)", "apt-get install default-jre-headless");
  }

  private static String versionLine() {
    return "smtpwatch " + Repository.version() + " (Java ";
  }

  private void assertSystemdAcceptsTheInstalledUnit() {
    Commands.Result verify = run("systemd-analyze", "verify", UNIT.toString());

    assertThat(verify.exitCode()).as(verify.describe()).isZero();
    assertThat(verify.output()).as("systemd-analyze verify says nothing").isEmpty();
  }

  private static Commands.Result run(String... command) {
    return Commands.run(TIMEOUT, SHELL_PATH, List.of(command));
  }
}
