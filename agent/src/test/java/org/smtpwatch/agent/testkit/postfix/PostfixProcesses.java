package org.smtpwatch.agent.testkit.postfix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The Postfix master of one instance, started and reloaded with {@code postfix -c DIR
 * start|reload}. It remembers the master's process so that a stop can kill, by pid, whatever
 * outlives it.
 */
final class PostfixProcesses {

  private static final Duration COMMAND_DEADLINE = Duration.ofSeconds(30);

  private final InstanceDirectory dir;
  private final String postfix;
  private ProcessHandle master;

  PostfixProcesses(InstanceDirectory dir) {
    this.dir = dir;
    this.postfix = ExternalCommand.locate("postfix", "postfix");
  }

  /**
   * Fails, naming what to install or how to run, unless this machine can start a private Postfix
   * with its Dovecot: both packages installed, and this JVM running as root.
   */
  static void requireInstalled() {
    ExternalCommand.locate("postfix", "postfix");
    ExternalCommand.locate("dovecot", "dovecot-core");
    String user = ProcessHandle.current().info().user().orElse("(unknown)");
    if (!"root".equals(user)) {
      throw new AssertionError(
          "the real-Postfix tests must run as root (postfix start needs it); running as " + user);
    }
  }

  /**
   * Starts the master and waits until it has bound every listener ({@code postfix start} waits for
   * the master's initialisation). Returns false when a listener's port was taken meanwhile, so the
   * caller can try other ports; fails for anything else.
   */
  boolean start() {
    ExternalCommand.Outcome outcome = ExternalCommand.run(command("start"), "", COMMAND_DEADLINE);
    if (!outcome.succeeded()) {
      if (PostfixLogs.read(dir.maillog()).contains("Address already in use")) {
        return false;
      }
      throw new AssertionError(
          outcome.describe() + "\n--- maillog:\n" + PostfixLogs.read(dir.maillog()));
    }
    Path pidFile = dir.queue().resolve("pid/master.pid");
    try {
      long pid = Long.parseLong(Files.readString(pidFile).strip());
      master =
          ProcessHandle.of(pid)
              .orElseThrow(() -> new AssertionError("postfix master " + pid + " is not running"));
    } catch (IOException | NumberFormatException e) {
      throw new AssertionError("cannot read the postfix master's pid from " + pidFile, e);
    }
    return true;
  }

  /**
   * {@code postfix reload}, then waits until every process of the old configuration has exited: the
   * master ends them all once it has re-read its files, so the next connection meets the new
   * configuration (listeners added or removed, new certificate, new options).
   */
  void reload(Duration deadline, Supplier<String> log) {
    List<ProcessHandle> before = master.children().toList();
    ExternalCommand.run(command("reload"), "", COMMAND_DEADLINE).requireSuccess();
    PostfixLogs.await(
        "postfix processes of the old configuration " + before + " exit after reload",
        deadline,
        () -> before.stream().noneMatch(ProcessHandle::isAlive),
        log);
    if (!master.isAlive()) {
      throw new AssertionError("the postfix master exited on reload:\n" + log.get());
    }
  }

  /** The master and its children now; empty before start. */
  List<ProcessHandle> running() {
    return master == null
        ? List.of()
        : Stream.concat(Stream.of(master), master.descendants()).toList();
  }

  /**
   * SIGTERM to the master, which is what {@code postfix stop} sends (without its one-second
   * polling): the master terminates its children and exits. The caller waits for them.
   */
  void terminate() {
    if (master != null) {
      master.destroy();
    }
  }

  private List<String> command(String verb) {
    return List.of(postfix, "-c", dir.conf().toString(), verb);
  }
}
