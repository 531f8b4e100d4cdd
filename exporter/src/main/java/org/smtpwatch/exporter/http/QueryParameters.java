package org.smtpwatch.exporter.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The decoded parameters of a query string, each at most once and all of them known: a typo such as
 * {@code tagret=} gets a 400 that names it instead of a confusing "missing target".
 */
final class QueryParameters {

  /** Longer queries are refused before any parsing (a 414). */
  static final int MAX_QUERY_LENGTH = 2048;

  private final Map<String, String> values;

  private QueryParameters(Map<String, String> values) {
    this.values = values;
  }

  static QueryParameters parse(String rawQuery, List<String> known) throws RequestRejected {
    Map<String, String> values = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return new QueryParameters(values);
    }
    if (rawQuery.length() > MAX_QUERY_LENGTH) {
      throw new RequestRejected(
          414, "query too long (at most " + MAX_QUERY_LENGTH + " characters)");
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      if (!known.contains(name)) {
        throw new RequestRejected(
            400,
            "unknown parameter \""
                + Printable.of(name)
                + "\" (known: "
                + String.join(", ", known)
                + ")");
      }
      if (values.putIfAbsent(name, value) != null) {
        throw new RequestRejected(400, "parameter " + name + " given more than once");
      }
    }
    return new QueryParameters(values);
  }

  Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  private static String decode(String text) throws RequestRejected {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new RequestRejected(400, "malformed percent-encoding in the query");
    }
  }
}
