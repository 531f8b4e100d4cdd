package org.smtpwatch.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the files a config points at when it is loaded, not when the first probe needs them: a
 * typo in a path should fail {@code check-config}, not page someone at 3 a.m.
 */
final class ReadableFiles {

  private final ConfigErrors errors;
  // One config often names the same CA file for a thousand targets; it is parsed once per load.
  private final Map<Path, Optional<String>> certificateProblems = new HashMap<>();

  ReadableFiles(ConfigErrors errors) {
    this.errors = errors;
  }

  /** True when {@code file} is a regular file this process can read; else reports why not. */
  boolean checkReadable(LocatedNode node, Path file) {
    String problem = null;
    if (!Files.exists(file)) {
      problem = "does not exist";
    } else if (Files.isDirectory(file)) {
      problem = "is a directory, not a file";
    } else if (!Files.isReadable(file)) {
      problem = "is not readable by this user";
    }
    if (problem != null) {
      errors.at(node, file + " " + problem);
    }
    return problem == null;
  }

  /**
   * True when {@code file} is readable and holds a PEM X.509 certificate; else reports why not. A
   * trust store or server certificate of garbage would otherwise only show up as failed handshakes.
   */
  boolean checkHoldsCertificate(LocatedNode node, Path file) {
    if (!checkReadable(node, file)) {
      return false;
    }
    Optional<String> problem = certificateProblems.computeIfAbsent(file, PemCertificates::problem);
    problem.ifPresent(what -> errors.at(node, file + " " + what));
    return problem.isEmpty();
  }

  /** A password file must be readable and private to its owner ({@link PasswordFiles}). */
  void checkPrivate(LocatedNode node, Path file) {
    if (checkReadable(node, file)) {
      PasswordFiles.problem(file).ifPresent(problem -> errors.at(node, problem));
    }
  }

  /**
   * A private key must not be readable by every user on the machine. Group read is allowed: on
   * Debian keys are commonly {@code root:ssl-cert 0640}. Where there are no POSIX permissions only
   * readability counts.
   */
  boolean checkNotReadableByOthers(LocatedNode node, Path file) {
    if (Files.getFileAttributeView(file, PosixFileAttributeView.class) == null) {
      return true;
    }
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      if (permissions.contains(PosixFilePermission.OTHERS_READ)) {
        errors.at(
            node,
            file
                + " is readable by every user ("
                + PosixFilePermissions.toString(permissions)
                + "); a private key must not be (chmod 600 or 640)");
        return false;
      }
      return true;
    } catch (IOException e) {
      errors.at(node, file + " permissions cannot be read: " + e.getMessage());
      return false;
    }
  }
}
