package org.smtpwatch.agent.testkit.postfix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * A private Dovecot that only authenticates: no IMAP, POP3 or LMTP listener, a passwd-file with one
 * user, and its auth socket where Postfix's {@code smtpd_sasl_path} points. It runs in the
 * foreground ({@code -F}) as this JVM's child, so {@link #close()} stops exactly that process tree.
 */
final class DovecotAuth implements AutoCloseable {

  private static final Duration START_DEADLINE = Duration.ofSeconds(20);
  private static final Duration STOP_DEADLINE = Duration.ofSeconds(10);

  private final Process process;
  private final InstanceDirectory dir;

  private DovecotAuth(Process process, InstanceDirectory dir) {
    this.process = process;
    this.dir = dir;
  }

  /**
   * Starts Dovecot for {@code username}/{@code password} and waits until its auth socket exists.
   * The socket lives in Postfix's queue, so Postfix must have created its queue directories first.
   */
  static DovecotAuth start(
      InstanceDirectory dir,
      String listenAddress,
      String username,
      String password,
      InstanceDirectory.MailOwner owner)
      throws IOException {
    String binary = ExternalCommand.locate("dovecot", "dovecot-core");
    Path users = dir.dovecot().resolve("users");
    Files.writeString(users, username + ":{PLAIN}" + password + "::::::\n");
    Path conf = dir.dovecot().resolve("dovecot.conf");
    Files.writeString(conf, config(dir, listenAddress, users, owner));
    Process process =
        new ProcessBuilder(binary, "-F", "-c", conf.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.dovecot().resolve("dovecot.out").toFile())
            .start();
    DovecotAuth auth = new DovecotAuth(process, dir);
    try {
      auth.awaitSocket();
    } catch (RuntimeException | Error e) {
      auth.close();
      throw e;
    }
    return auth;
  }

  /** The processes to kill should a stop leave any behind. */
  List<ProcessHandle> processes() {
    return Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList();
  }

  String log() {
    return PostfixLogs.read(dir.dovecotLog())
        + PostfixLogs.read(dir.dovecot().resolve("dovecot.out"));
  }

  private void awaitSocket() {
    long end = System.nanoTime() + START_DEADLINE.toNanos();
    while (!Files.exists(dir.authSocket())) {
      if (!process.isAlive()) {
        throw new AssertionError(
            "dovecot exited with " + process.exitValue() + " at start:\n" + log());
      }
      if (System.nanoTime() - end > 0) {
        throw new AssertionError(
            "dovecot's auth socket "
                + dir.authSocket()
                + " did not appear within "
                + START_DEADLINE.toSeconds()
                + " s:\n"
                + log());
      }
      PostfixLogs.pause();
    }
  }

  /** SIGTERM to Dovecot's master, which stops its children; the caller waits for them. */
  void terminate() {
    process.destroy();
  }

  /** Stops Dovecot: SIGTERM, then SIGKILL to whatever of it outlives the deadline. */
  @Override
  public void close() {
    List<ProcessHandle> started = processes();
    terminate();
    Stragglers.kill(started, STOP_DEADLINE);
  }

  private static String config(
      InstanceDirectory dir, String listenAddress, Path users, InstanceDirectory.MailOwner owner) {
    return String.join(
        "\n",
        "# written by smtpwatch's PostfixInstance",
        "base_dir = " + dir.dovecotRun(),
        "state_dir = " + dir.dovecotState(),
        "log_path = " + dir.dovecotLog(),
        // No protocol means no IMAP/POP3/LMTP listener; listen must still name an address.
        "protocols = none",
        "listen = " + listenAddress,
        "ssl = no",
        // Postfix decides where AUTH is offered (smtpd_tls_auth_only); Dovecot must not overrule
        // it.
        "disable_plaintext_auth = no",
        "auth_mechanisms = plain login",
        "passdb {",
        "  driver = passwd-file",
        "  args = scheme=PLAIN " + users,
        "}",
        "userdb {",
        "  driver = static",
        "  args = uid=" + owner.uid() + " gid=" + owner.gid() + " home=" + dir.mail() + "/%d/%n",
        "}",
        "service auth {",
        "  unix_listener " + dir.authSocket() + " {",
        "    mode = 0660",
        "    user = postfix",
        "    group = postfix",
        "  }",
        "}",
        "");
  }
}
