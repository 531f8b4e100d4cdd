package org.smtpwatch.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.smtpwatch.config.LocatedNode.Entry;
import org.smtpwatch.config.LocatedNode.Mapping;

/**
 * Reads the top-level {@code web:} block (TLS and basic auth for the HTTP server). Files are
 * checked when the config is loaded; a hash that is not bcrypt is an error rather than a login that
 * can never succeed.
 */
final class WebReader {

  static final List<String> KEYS =
      List.of("tls_cert_file", "tls_key_file", "tls_min_version", "basic_auth_users");
  static final List<String> VERSIONS = List.of("TLSv1.2", "TLSv1.3");

  /** {@code $2a$}, {@code $2b$} or {@code $2y$}, a two-digit cost, 22 salt and 31 hash chars. */
  private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}");

  private final NodeValues values;
  private final ReadableFiles files;
  private final Path baseDir;

  WebReader(NodeValues values, ReadableFiles files, Path baseDir) {
    this.values = values;
    this.files = files;
    this.baseDir = baseDir;
  }

  WebConfig read(LocatedNode node) {
    Optional<Mapping> mapping = values.mapping(node, KEYS);
    if (mapping.isEmpty()) {
      return WebConfig.NONE;
    }
    Mapping web = mapping.get();
    Optional<Path> cert = web.get("tls_cert_file").flatMap(this::certificateFile);
    Optional<Path> key = web.get("tls_key_file").flatMap(this::privateKeyFile);
    checkTlsPair(web);
    String minVersion =
        web.get("tls_min_version")
            .flatMap(this::minVersion)
            .orElse(WebConfig.DEFAULT_TLS_MIN_VERSION);
    Map<String, String> users = web.get("basic_auth_users").map(this::users).orElse(Map.of());
    return new WebConfig(cert.orElse(null), key.orElse(null), minVersion, users);
  }

  private void checkTlsPair(Mapping web) {
    boolean cert = web.get("tls_cert_file").isPresent();
    boolean key = web.get("tls_key_file").isPresent();
    if (cert != key) {
      values.errors().at(web, "give tls_cert_file and tls_key_file together, or neither");
    }
    Optional<LocatedNode> version = web.get("tls_min_version");
    if (version.isPresent() && !cert) {
      values
          .errors()
          .at(version.get(), "tls_min_version needs tls_cert_file and tls_key_file (TLS is off)");
    }
  }

  private Optional<Path> readableFile(LocatedNode node) {
    return values.path(node, baseDir).filter(file -> files.checkReadable(node, file));
  }

  private Optional<Path> certificateFile(LocatedNode node) {
    return values.path(node, baseDir).filter(file -> files.checkHoldsCertificate(node, file));
  }

  private Optional<Path> privateKeyFile(LocatedNode node) {
    return readableFile(node).filter(file -> files.checkNotReadableByOthers(node, file));
  }

  private Optional<String> minVersion(LocatedNode node) {
    Optional<String> version = values.string(node);
    if (version.isPresent() && !VERSIONS.contains(version.get())) {
      values
          .errors()
          .at(
              node,
              "\""
                  + version.get()
                  + "\" is not allowed for the HTTP server (valid: "
                  + String.join(", ", VERSIONS)
                  + ")");
      return Optional.empty();
    }
    return version;
  }

  private Map<String, String> users(LocatedNode node) {
    Map<String, String> users = new LinkedHashMap<>();
    if (!(node instanceof Mapping mapping)) {
      values
          .errors()
          .at(
              node,
              "expected a mapping of user names to bcrypt hashes, found " + node.description());
      return users;
    }
    for (Entry entry : mapping.entries()) {
      if (entry.key().isEmpty() || entry.key().contains(":")) {
        values.errors().at(entry, "user names must not be empty or contain \":\"");
        continue;
      }
      bcryptHash(entry.value()).ifPresent(hash -> users.put(entry.key(), hash));
    }
    return users;
  }

  // The hash is not echoed in the message: it is not the password, but it need not be in logs.
  private Optional<String> bcryptHash(LocatedNode node) {
    Optional<String> hash = values.string(node);
    if (hash.isPresent() && !BCRYPT.matcher(hash.get()).matches()) {
      values
          .errors()
          .at(
              node,
              "not a bcrypt hash ($2a$, $2b$ or $2y$ followed by cost and 53 characters); make one"
                  + " with: htpasswd -nBC 10 \"\" | tr -d ':\\n'");
      return Optional.empty();
    }
    return hash;
  }
}
