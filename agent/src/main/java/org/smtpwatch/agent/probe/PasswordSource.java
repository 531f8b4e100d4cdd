package org.smtpwatch.agent.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.function.Function;
import org.smtpwatch.config.AuthSpec;

/**
 * Fetches the password when a login needs it, never earlier and never kept: a rotated password file
 * is picked up on the next probe. Error messages name the file or variable, never a value.
 */
final class PasswordSource {

  /** The password could not be had; the message says where it was looked for. */
  static final class Unavailable extends Exception {
    Unavailable(String message) {
      super(message, null, false, false);
    }
  }

  private final Function<String, String> environment;

  PasswordSource(Function<String, String> environment) {
    this.environment = environment;
  }

  String password(AuthSpec auth) throws Unavailable {
    if (auth.passwordFile() != null) {
      try {
        // A file written by "echo secret > file" ends in a line break that is no part of it.
        String text = Files.readString(auth.passwordFile(), StandardCharsets.UTF_8);
        return requireNonEmpty(text.replaceFirst("\\r?\\n\\z", ""), auth.passwordFile() + "");
      } catch (IOException e) {
        throw new Unavailable(
            "password_file "
                + auth.passwordFile()
                + " cannot be read ("
                + e.getClass().getSimpleName()
                + ")");
      }
    }
    String value = environment.apply(auth.passwordEnv());
    if (value == null) {
      throw new Unavailable("environment variable " + auth.passwordEnv() + " is not set");
    }
    return requireNonEmpty(value, "environment variable " + auth.passwordEnv());
  }

  private static String requireNonEmpty(String password, String where) throws Unavailable {
    if (password.isEmpty()) {
      throw new Unavailable(where + " holds an empty password");
    }
    return password;
  }
}
