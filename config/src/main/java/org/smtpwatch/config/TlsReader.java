package org.smtpwatch.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.smtpwatch.config.LocatedNode.Mapping;

/** Reads a {@code tls:} block at target or port level. */
final class TlsReader {

  static final List<String> KEYS =
      List.of("required", "verify", "ca_file", "server_name", "min_version", "ocsp");
  static final List<String> OCSP_KEYS = List.of("query");
  static final List<String> VERSIONS = List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");

  private final NodeValues values;
  private final ReadableFiles files;
  private final Path baseDir;

  TlsReader(NodeValues values, ReadableFiles files, Path baseDir) {
    this.values = values;
    this.files = files;
    this.baseDir = baseDir;
  }

  TlsSettings read(LocatedNode node) {
    Optional<Mapping> mapping = values.mapping(node, KEYS);
    if (mapping.isEmpty()) {
      return TlsSettings.NONE;
    }
    Mapping tls = mapping.get();
    return new TlsSettings(
        tls.get("required").flatMap(values::bool).orElse(null),
        tls.get("verify").flatMap(values::bool).orElse(null),
        tls.get("ca_file").flatMap(this::caFile).orElse(null),
        tls.get("server_name").flatMap(this::serverName).orElse(null),
        tls.get("min_version").flatMap(this::minVersion).orElse(null),
        tls.get("ocsp").flatMap(this::ocspQuery).orElse(null));
  }

  /** {@code ocsp: {query: true}}: a mapping, so later OCSP settings have a place to go. */
  private Optional<Boolean> ocspQuery(LocatedNode node) {
    return values.mapping(node, OCSP_KEYS).flatMap(ocsp -> ocsp.get("query")).flatMap(values::bool);
  }

  private Optional<Path> caFile(LocatedNode node) {
    return values.path(node, baseDir).filter(file -> files.checkHoldsCertificate(node, file));
  }

  private Optional<String> serverName(LocatedNode node) {
    Optional<String> name = values.text(node, "server_name");
    if (name.isPresent() && !Hostnames.isDnsName(name.get())) {
      values.errors().at(node, "\"" + name.get() + "\" is not a valid host name");
      return Optional.empty();
    }
    return name;
  }

  private Optional<String> minVersion(LocatedNode node) {
    Optional<String> version = values.string(node);
    if (version.isPresent() && !VERSIONS.contains(version.get())) {
      values
          .errors()
          .at(
              node,
              "unknown TLS version \""
                  + version.get()
                  + "\" (valid: "
                  + String.join(", ", VERSIONS)
                  + ")");
      return Optional.empty();
    }
    return version;
  }
}
