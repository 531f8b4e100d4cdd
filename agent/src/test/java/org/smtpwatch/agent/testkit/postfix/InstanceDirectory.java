package org.smtpwatch.agent.testkit.postfix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where one private Postfix and its Dovecot keep everything: configuration, queue, logs, delivered
 * mail and the auth socket, all below one temporary directory removed on close.
 */
record InstanceDirectory(Path root) {

  /** The uid and gid mail is delivered as (never root: virtual(8) refuses it). */
  record MailOwner(int uid, int gid) {}

  /** Unix socket paths are limited to 108 bytes; the longest one lives below {@link #root()}. */
  private static final int SOCKET_PATH_BUDGET = 100 - "/dovecot/run/anvil-auth-penalty".length();

  /**
   * A fresh directory readable by the {@code postfix} and {@code nobody} users the daemons switch
   * to (a JUnit {@code @TempDir} is private to root, so it cannot hold them).
   */
  static InstanceDirectory create() throws IOException {
    Path root =
        Files.createTempDirectory(
            "smtpwatch-postfix-", PosixFilePermissions.asFileAttribute(rwxr_xr_x()));
    if (root.toString().length() > SOCKET_PATH_BUDGET) {
      throw new AssertionError(
          "temporary directory "
              + root
              + " is too long for unix socket paths; set java.io.tmpdir to a shorter one");
    }
    InstanceDirectory dir = new InstanceDirectory(root);
    for (Path sub :
        new Path[] {dir.conf(), dir.queue(), dir.data(), dir.mail(), dir.dovecotRun()}) {
      Files.createDirectories(sub, PosixFilePermissions.asFileAttribute(rwxr_xr_x()));
    }
    Files.createDirectories(dir.dovecotState());
    return dir;
  }

  Path conf() {
    return root.resolve("conf");
  }

  Path queue() {
    return root.resolve("queue");
  }

  Path data() {
    return root.resolve("data");
  }

  /** Virtual mailboxes: {@code mail/DOMAIN/USER/} Maildirs. */
  Path mail() {
    return root.resolve("mail");
  }

  Path maillog() {
    return root.resolve("maillog");
  }

  /** The server's private key, then its chain (leaf first): {@code smtpd_tls_chain_files}. */
  Path serverPem() {
    return conf().resolve("server.pem");
  }

  Path caPem() {
    return conf().resolve("ca.pem");
  }

  Path virtualMailboxes() {
    return conf().resolve("vmailbox");
  }

  Path dovecot() {
    return root.resolve("dovecot");
  }

  Path dovecotRun() {
    return dovecot().resolve("run");
  }

  Path dovecotState() {
    return dovecot().resolve("state");
  }

  Path dovecotLog() {
    return dovecot().resolve("dovecot.log");
  }

  /** Dovecot's auth socket, where Postfix's {@code smtpd_sasl_path} points. */
  Path authSocket() {
    return queue().resolve("private/auth");
  }

  /**
   * Hands the data directory to Postfix's {@code mail_owner} and the mailboxes to {@code nobody},
   * the user virtual delivery runs as.
   */
  MailOwner prepareOwnership() throws IOException {
    UserPrincipalLookupService users = root.getFileSystem().getUserPrincipalLookupService();
    Files.setOwner(data(), users.lookupPrincipalByName("postfix"));
    Files.setOwner(mail(), users.lookupPrincipalByName("nobody"));
    Files.setAttribute(mail(), "posix:group", users.lookupPrincipalByGroupName("nogroup"));
    return new MailOwner(
        (Integer) Files.getAttribute(mail(), "unix:uid"),
        (Integer) Files.getAttribute(mail(), "unix:gid"));
  }

  /** Removes everything below {@link #root()}, deepest first. */
  void delete() throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  private static java.util.Set<java.nio.file.attribute.PosixFilePermission> rwxr_xr_x() {
    return PosixFilePermissions.fromString("rwxr-xr-x");
  }
}
