package org.smtpwatch.config;

import java.util.List;
import java.util.Optional;
import java.util.regex.PatternSyntaxException;
import org.smtpwatch.config.LocatedNode.Mapping;
import org.smtpwatch.config.LocatedNode.Scalar;

/**
 * Reads one entry of a target's {@code ports:} list, a bare number or a mapping, into an endpoint
 * with every default applied.
 *
 * <p>TLS defaults follow the mode: a port probed in its usual mode keeps the port's defaults (25
 * stays "TLS optional, not verified"); a port given another mode gets that mode's defaults ({@code
 * 587} with {@code mode: tls} verifies, as an admin asking for TLS expects).
 */
final class PortReader {

  static final List<String> KEYS =
      List.of(
          "port",
          "mode",
          "interval",
          "timeout",
          "ehlo_name",
          "ip_preference",
          "tls",
          "auth",
          "send",
          "labels",
          "banner_pattern");
  private static final List<String> INHERITED =
      List.of("interval", "timeout", "ehlo_name", "ip_preference", "tls", "labels");
  private static final String RANGE = "port {} is out of range (1-65535)";

  private final NodeValues values;
  private final LevelSettingsReader levelReader;
  private final AuthReader authReader;
  private final SendReader sendReader;

  PortReader(NodeValues values, LevelSettingsReader levelReader, AuthReader authReader) {
    this.values = values;
    this.levelReader = levelReader;
    this.authReader = authReader;
    this.sendReader = new SendReader(values);
  }

  Optional<EndpointDraft> read(LocatedNode node, String host, InheritedSettings target) {
    if (node instanceof Scalar) {
      return values
          .integer(node, 1, 65535, RANGE)
          .flatMap(
              port ->
                  defaultMode(node, port)
                      .map(m -> endpoint(node, host, port, m, target, null, null)));
    }
    if (!(node instanceof Mapping)) {
      values
          .errors()
          .at(node, "expected a port number or a mapping with port:, found " + node.description());
      return Optional.empty();
    }
    Mapping entry = values.mapping(node, KEYS).orElseThrow();
    InheritedSettings settings = levelReader.read(entry, INHERITED, target);
    AuthSpec auth = credentials(entry);
    BannerPattern banner = entry.get("banner_pattern").flatMap(this::bannerPattern).orElse(null);
    Optional<Integer> port = entry.get("port").flatMap(n -> values.integer(n, 1, 65535, RANGE));
    if (entry.get("port").isEmpty()) {
      values.errors().at(node, "missing port");
    }
    Optional<LocatedNode> modeNode = entry.get("mode");
    Optional<Mode> mode =
        modeNode.isPresent()
            ? modeNode.flatMap(n -> values.choice(n, "mode", Mode.values(), Mode::configName))
            : port.flatMap(p -> defaultMode(node, p));
    if (port.isEmpty() || mode.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(endpoint(node, host, port.get(), mode.get(), settings, auth, banner));
  }

  /** {@code auth:} with its optional {@code send:}, which only an authenticated user may do. */
  private AuthSpec credentials(Mapping entry) {
    AuthSpec auth = entry.get("auth").flatMap(authReader::read).orElse(null);
    Optional<LocatedNode> sendNode = entry.get("send");
    if (sendNode.isEmpty()) {
      return auth;
    }
    Optional<SendSpec> send = sendReader.read(sendNode.get());
    if (entry.get("auth").isEmpty()) {
      values
          .errors()
          .at(
              sendNode.get(),
              "send needs auth: smtpwatch sends probe messages only after logging in");
      return null;
    }
    return auth == null ? null : auth.withSend(send.orElse(null));
  }

  private Optional<BannerPattern> bannerPattern(LocatedNode node) {
    Optional<String> regex = values.text(node, "banner_pattern");
    try {
      return regex.map(BannerPattern::compile);
    } catch (PatternSyntaxException e) {
      values
          .errors()
          .at(
              node,
              "\""
                  + regex.get()
                  + "\" is not a valid regular expression: "
                  + e.getDescription()
                  + " near index "
                  + e.getIndex());
      return Optional.empty();
    }
  }

  private Optional<Mode> defaultMode(LocatedNode node, int port) {
    Optional<Mode> mode = PortDefaults.forPort(port).map(PortDefaults::mode);
    if (mode.isEmpty()) {
      values
          .errors()
          .at(
              node,
              "port "
                  + port
                  + " has no default mode; give it one: {port: "
                  + port
                  + ", mode: plain|starttls|tls}");
    }
    return mode;
  }

  private EndpointDraft endpoint(
      LocatedNode node,
      String host,
      int port,
      Mode mode,
      InheritedSettings settings,
      AuthSpec auth,
      BannerPattern banner) {
    PortDefaults defaults =
        PortDefaults.forPort(port).filter(d -> d.mode() == mode).orElse(PortDefaults.forMode(mode));
    TlsPolicy tls = settings.tls().toPolicy(defaults);
    checkContradictions(node, mode, tls, auth);
    Endpoint endpoint =
        new Endpoint(
            host,
            port,
            mode,
            tls,
            auth,
            settings.labels(),
            settings.interval().value(),
            settings.timeout().value(),
            settings.ehloName().value(),
            settings.ipPreference(),
            banner);
    return new EndpointDraft(endpoint, node, settings.interval(), settings.timeout());
  }

  /**
   * Settings that cannot hold together: plain never speaks TLS (so it cannot require it, and a
   * password would cross in clear), and implicit TLS cannot be optional.
   */
  private void checkContradictions(LocatedNode node, Mode mode, TlsPolicy tls, AuthSpec auth) {
    if (mode == Mode.TLS && !tls.required()) {
      values
          .errors()
          .at(
              node,
              "mode tls speaks TLS from the first byte, it cannot be optional; remove"
                  + " tls.required: false or use mode starttls");
    }
    if (mode != Mode.PLAIN) {
      return;
    }
    if (tls.required()) {
      values
          .errors()
          .at(node, "mode plain never uses TLS; remove tls.required: true or use mode starttls");
    }
    if (auth != null && !auth.allowPlaintextAuth()) {
      values
          .errors()
          .at(
              node,
              "mode plain would send the password unencrypted; use starttls or tls, or set auth.allow_plaintext_auth: true");
    }
  }
}
