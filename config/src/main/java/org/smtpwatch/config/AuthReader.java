package org.smtpwatch.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.smtpwatch.config.LocatedNode.Mapping;
import org.smtpwatch.config.LocatedNode.Sequence;

/**
 * Reads an {@code auth:} block. The password stays where it is (a private file or the environment);
 * this only checks that it will be there when a probe needs it.
 */
final class AuthReader {

  static final List<String> KEYS =
      List.of("username", "password_file", "password_env", "mechanisms", "allow_plaintext_auth");

  /** SASL mechanism names (RFC 4422): upper-case letters, digits, hyphen and underscore. */
  private static final String MECHANISM = "[A-Z0-9_-]{1,20}";

  private final NodeValues values;
  private final ReadableFiles files;
  private final Path baseDir;
  private final Function<String, String> environment;

  AuthReader(
      NodeValues values, ReadableFiles files, Path baseDir, Function<String, String> environment) {
    this.values = values;
    this.files = files;
    this.baseDir = baseDir;
    this.environment = environment;
  }

  Optional<AuthSpec> read(LocatedNode node) {
    Optional<Mapping> mapping = values.mapping(node, KEYS);
    if (mapping.isEmpty()) {
      return Optional.empty();
    }
    Mapping auth = mapping.get();
    Optional<String> username = required(auth, "username").flatMap(n -> values.text(n, "username"));
    Optional<LocatedNode> fileNode = auth.get("password_file");
    Optional<LocatedNode> envNode = auth.get("password_env");
    if (fileNode.isPresent() && envNode.isPresent()) {
      values.errors().at(envNode.get(), "give password_file or password_env, not both");
    } else if (fileNode.isEmpty() && envNode.isEmpty()) {
      values
          .errors()
          .at(auth, "missing password_file or password_env (the password is never inline)");
    }
    Optional<Path> file = fileNode.flatMap(this::passwordFile);
    Optional<String> env = envNode.flatMap(this::passwordEnv);
    List<String> mechanisms = auth.get("mechanisms").map(this::mechanisms).orElse(List.of());
    boolean plaintext = auth.get("allow_plaintext_auth").flatMap(values::bool).orElse(false);
    if (username.isEmpty() || (file.isEmpty() && env.isEmpty())) {
      return Optional.empty();
    }
    return Optional.of(
        new AuthSpec(username.get(), file.orElse(null), env.orElse(null), mechanisms, plaintext));
  }

  private Optional<LocatedNode> required(Mapping mapping, String key) {
    Optional<LocatedNode> node = mapping.get(key);
    if (node.isEmpty()) {
      values.errors().at(mapping, "missing " + key);
    }
    return node;
  }

  private Optional<Path> passwordFile(LocatedNode node) {
    Optional<Path> file = values.path(node, baseDir);
    file.ifPresent(path -> files.checkPrivate(node, path));
    return file;
  }

  private Optional<String> passwordEnv(LocatedNode node) {
    Optional<String> name = values.text(node, "password_env");
    if (name.isPresent()) {
      String value = environment.apply(name.get());
      if (value == null) {
        values.errors().at(node, "environment variable " + name.get() + " is not set");
      } else if (value.isEmpty()) {
        values.errors().at(node, "environment variable " + name.get() + " is empty");
      }
    }
    return name;
  }

  private List<String> mechanisms(LocatedNode node) {
    List<String> mechanisms = new ArrayList<>();
    Optional<Sequence> list = values.sequence(node, "[PLAIN, LOGIN]");
    for (LocatedNode item : list.map(Sequence::items).orElse(List.of())) {
      mechanism(item).ifPresent(mechanisms::add);
    }
    return mechanisms;
  }

  /** Upper-cased, as SASL names are case-insensitive but servers advertise them upper case. */
  private Optional<String> mechanism(LocatedNode item) {
    Optional<String> name = values.text(item, "a mechanism").map(m -> m.toUpperCase(Locale.ROOT));
    if (name.isPresent() && !name.get().matches(MECHANISM)) {
      values
          .errors()
          .at(item, "\"" + name.get() + "\" is not a SASL mechanism name (e.g. PLAIN, LOGIN)");
      return Optional.empty();
    }
    if (name.isPresent() && !AuthSpec.SUPPORTED_MECHANISMS.contains(name.get())) {
      values
          .errors()
          .at(
              item,
              "mechanism "
                  + name.get()
                  + " is not supported; use "
                  + String.join(" or ", AuthSpec.SUPPORTED_MECHANISMS));
      return Optional.empty();
    }
    return name;
  }
}
