package org.smtpwatch.packaging;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The smtpwatch package on this machine, for one test: installs and purges it with the real dpkg,
 * as an admin would. Only one test run on the machine holds it at a time (a file lock), and closing
 * it purges the package and deletes what the test added, whatever the test's outcome. A run killed
 * half-way leaves a marker, so the next run knows the installed package is its own leftover and
 * purges it; a package installed without the marker is someone's real install, and the test refuses
 * to touch it.
 */
final class MachineInstall implements AutoCloseable {

  static final String PACKAGE = "smtpwatch";

  private static final Path LOCK = Path.of("/var/tmp/smtpwatch-package-test.lock");
  private static final Path MARKER = Path.of("/var/tmp/smtpwatch-package-test.installed");
  private static final Duration LOCK_WAIT = Duration.ofMinutes(5);
  private static final Duration DPKG_TIMEOUT = Duration.ofMinutes(3);
  private static final Map<String, String> DPKG_ENVIRONMENT =
      Map.of(
          "PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
          "DEBIAN_FRONTEND", "noninteractive");

  private final FileChannel lockChannel;
  private final FileLock lock;
  private final List<Path> addedFiles = new ArrayList<>();

  private MachineInstall(FileChannel lockChannel, FileLock lock) {
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /** Waits for other runs on this machine, then clears a leftover of an earlier run. */
  static MachineInstall claim() throws IOException, InterruptedException {
    if (!"root".equals(System.getProperty("user.name"))) {
      throw new AssertionError("installing a package needs root; run the tests as root (CI does)");
    }
    FileChannel channel =
        FileChannel.open(LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    Instant deadline = Instant.now().plus(LOCK_WAIT);
    FileLock lock;
    while ((lock = channel.tryLock()) == null) {
      if (Instant.now().isAfter(deadline)) {
        channel.close();
        throw new AssertionError("another test run held " + LOCK + " for " + LOCK_WAIT);
      }
      Thread.sleep(200);
    }
    MachineInstall install = new MachineInstall(channel, lock);
    try {
      if (!install.status().equals("not-installed")) {
        if (!Files.exists(MARKER)) {
          throw new AssertionError(
              "smtpwatch is installed on this machine, not by this test; the test installs and"
                  + " purges the package, so purge it first: dpkg --purge smtpwatch");
        }
        install.dpkg("--purge", PACKAGE);
      }
      Files.writeString(MARKER, "installed by the smtpwatch package test\n");
    } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
      install.releaseLock();
      throw e;
    }
    return install;
  }

  /** dpkg's view: installed, config-files, not-installed, or a half-done state. */
  String status() {
    Commands.Result result =
        Commands.run(
            DPKG_TIMEOUT, "dpkg-query", "--show", "--showformat=${db:Status-Status}", PACKAGE);
    return result.exitCode() == 0 ? result.output() : "not-installed";
  }

  /** Runs dpkg; waits while another dpkg (an apt-get elsewhere) holds its lock. */
  Commands.Result dpkg(String... arguments) throws InterruptedException {
    List<String> command = new ArrayList<>(List.of("dpkg"));
    command.addAll(List.of(arguments));
    Instant deadline = Instant.now().plus(DPKG_TIMEOUT);
    while (true) {
      Commands.Result result = Commands.run(DPKG_TIMEOUT, DPKG_ENVIRONMENT, command);
      boolean locked = result.exitCode() != 0 && result.output().contains("lock");
      if (!locked || Instant.now().isAfter(deadline)) {
        if (result.exitCode() != 0) {
          throw new AssertionError(command + " failed with " + result.describe());
        }
        return result;
      }
      Thread.sleep(500);
    }
  }

  /** A file the test adds as an admin would; deleted on close if the test did not. */
  Path addFile(Path file, String content) throws IOException {
    addedFiles.add(file);
    return Files.writeString(file, content);
  }

  @Override
  public void close() throws Exception {
    try {
      if (!status().equals("not-installed")) {
        dpkg("--purge", PACKAGE);
      }
      for (Path file : addedFiles) {
        Files.deleteIfExists(file);
      }
      Path config = Path.of("/etc/smtpwatch");
      if (Files.isDirectory(config)) {
        try (var entries = Files.list(config)) {
          if (entries.findAny().isEmpty()) {
            Files.delete(config);
          }
        }
      }
      Files.deleteIfExists(MARKER);
    } finally {
      releaseLock();
    }
  }

  private void releaseLock() throws IOException {
    lock.release();
    lockChannel.close();
  }
}
