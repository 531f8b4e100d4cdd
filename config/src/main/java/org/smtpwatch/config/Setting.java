package org.smtpwatch.config;

/**
 * A value and the node that set it, or {@code null} for a built-in default: errors that involve two
 * settings (timeout not below interval) point at the one given closest to the endpoint.
 */
record Setting<T>(T value, LocatedNode source) {

  static <T> Setting<T> builtIn(T value) {
    return new Setting<>(value, null);
  }

  /** How deep in the document the value was given; a built-in default is shallowest of all. */
  int depth() {
    return source == null
        ? -1
        : (int) source.path().chars().filter(c -> c == '.' || c == '[').count();
  }

  /** {@code 15s} or {@code 15s (default)}, for messages. */
  String describe(java.util.function.Function<T, String> format) {
    return format.apply(value) + (source == null ? " (default)" : "");
  }
}
