package org.smtpwatch.exporter.http;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.smtpwatch.config.Mode;

/**
 * What {@code /probe?target=HOST:PORT[&mode=M]} asks for. IPv6 literals come in brackets ({@code
 * [::1]:25}), as in the CLI.
 *
 * @param host lower case, without brackets or a trailing dot, as configured endpoints hold it
 * @param mode the mode asked for, or {@code null} to take the configured or the port's default
 */
record ProbeQuery(String host, int port, Mode mode) {

  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:%-]+");
  private static final Pattern PORT = Pattern.compile("\\d{1,5}");

  static final List<String> PARAMETERS = List.of("target", "mode");

  static ProbeQuery parse(QueryParameters parameters) throws RequestRejected {
    String target =
        parameters
            .get("target")
            .orElseThrow(() -> new RequestRejected(400, "missing target (use ?target=HOST:PORT)"));
    Mode mode = null;
    if (parameters.get("mode").isPresent()) {
      String name = parameters.get("mode").get();
      mode =
          Mode.fromConfigName(name)
              .orElseThrow(
                  () ->
                      new RequestRejected(
                          400,
                          "unknown mode \""
                              + Printable.of(name)
                              + "\" (valid: plain, starttls, tls)"));
    }
    return parseTarget(target, mode);
  }

  private static ProbeQuery parseTarget(String target, Mode mode) throws RequestRejected {
    String host;
    String port;
    if (target.startsWith("[")) {
      int close = target.indexOf(']');
      if (close < 0 || !target.startsWith(":", close + 1)) {
        throw malformed(target);
      }
      host = target.substring(1, close);
      port = target.substring(close + 2);
    } else {
      int colon = target.lastIndexOf(':');
      if (colon < 0 || target.indexOf(':') != colon) {
        throw malformed(target);
      }
      host = target.substring(0, colon);
      port = target.substring(colon + 1);
    }
    if (host.isEmpty() || !HOST.matcher(host).matches() || !PORT.matcher(port).matches()) {
      throw malformed(target);
    }
    int number = Integer.parseInt(port);
    if (number < 1 || number > 65535) {
      throw malformed(target);
    }
    String normalized = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    return new ProbeQuery(normalized.toLowerCase(Locale.ROOT), number, mode);
  }

  private static RequestRejected malformed(String target) {
    return new RequestRejected(
        400,
        "malformed target \""
            + Printable.of(target)
            + "\" (use HOST:PORT, e.g. mail.example.com:587 or [2001:db8::25]:25)");
  }

  String target() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
