package org.smtpwatch.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects every mistake found in one file, so a person fixes them in one pass instead of one per
 * run. Identical errors (the same global mistake seen from every endpoint) are kept once.
 */
final class ConfigErrors {

  private final String file;
  private final Set<ConfigError> errors = new LinkedHashSet<>();
  private final Set<String> settledPaths = new HashSet<>();

  ConfigErrors(String file) {
    this.file = file;
  }

  void at(LocatedNode node, String message) {
    at(node.path(), node.line(), node.column(), message);
  }

  void at(LocatedNode.Entry key, String message) {
    at(key.path(), key.line(), key.column(), message);
  }

  void at(String path, int line, int column, String message) {
    if (!settledPaths.contains(path)) {
      errors.add(
          new ConfigError(
              file, line, column, ErrorText.shorten(path), ErrorText.shortenQuoted(message)));
    }
  }

  /**
   * Reports the one thing wrong with {@code node} and drops later reports about it: once a value is
   * known to be an unsupported alias, "expected a mapping, found a string" only adds noise.
   */
  void onlyAt(LocatedNode node, String message) {
    at(node, message);
    settledPaths.add(node.path());
  }

  /** A mistake about the whole file (empty, unreadable), with no line to point at. */
  void wholeFile(String message) {
    errors.add(new ConfigError(file, 0, 0, "", message));
  }

  boolean isEmpty() {
    return errors.isEmpty();
  }

  /**
   * In the order of the file, as a person reads it; the first {@link ConfigLimits#MAX_ERRORS} and
   * then one line saying how many more there are.
   */
  List<ConfigError> sorted() {
    List<ConfigError> sorted = new ArrayList<>(errors);
    sorted.sort(Comparator.comparingInt(ConfigError::line).thenComparingInt(ConfigError::column));
    if (sorted.size() <= ConfigLimits.MAX_ERRORS) {
      return sorted;
    }
    int more = sorted.size() - ConfigLimits.MAX_ERRORS;
    List<ConfigError> first = new ArrayList<>(sorted.subList(0, ConfigLimits.MAX_ERRORS));
    first.add(new ConfigError(file, 0, 0, "", "and " + more + " more mistakes not shown"));
    return first;
  }
}
