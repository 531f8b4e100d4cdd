package org.smtpwatch.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.smtpwatch.config.LocatedNode.Entry;
import org.smtpwatch.config.LocatedNode.Mapping;
import org.smtpwatch.config.LocatedNode.Scalar;
import org.smtpwatch.config.LocatedNode.ScalarKind;
import org.smtpwatch.config.LocatedNode.Sequence;

/**
 * Reads typed values out of located nodes. Each method either returns the value or records why it
 * cannot and returns empty, so a caller carries on and finds the next mistake too.
 */
final class NodeValues {

  private final ConfigErrors errors;

  NodeValues(ConfigErrors errors) {
    this.errors = errors;
  }

  ConfigErrors errors() {
    return errors;
  }

  /** A mapping whose keys are all among {@code known}; unknown keys are reported, not read. */
  Optional<Mapping> mapping(LocatedNode node, List<String> known) {
    return mapping(node, known, Map.of());
  }

  /**
   * As {@link #mapping(LocatedNode, List)}; {@code elsewhere} says where a key that is valid at
   * another level belongs, which helps more than "did you mean".
   */
  Optional<Mapping> mapping(LocatedNode node, List<String> known, Map<String, String> elsewhere) {
    if (!(node instanceof Mapping mapping)) {
      return wrongType(node, "a mapping (key: value)");
    }
    for (Entry entry : mapping.entries()) {
      if (elsewhere.containsKey(entry.key())) {
        errors.at(
            entry, "\"" + entry.key() + "\" is not allowed here: " + elsewhere.get(entry.key()));
      } else if (!known.contains(entry.key())) {
        errors.at(entry, unknownKey(entry.key(), known));
      }
    }
    return Optional.of(mapping);
  }

  Optional<Sequence> sequence(LocatedNode node, String example) {
    if (node instanceof Sequence sequence) {
      return Optional.of(sequence);
    }
    return wrongType(node, "a list, e.g. " + example);
  }

  Optional<String> string(LocatedNode node) {
    if (node instanceof Scalar scalar && scalar.kind() == ScalarKind.STRING) {
      return Optional.of(scalar.text());
    }
    if (node instanceof Scalar scalar && scalar.kind() != ScalarKind.NULL) {
      errors.at(
          node,
          "expected a string, found "
              + node.description()
              + " (quote it: \""
              + scalar.text()
              + "\")");
      return Optional.empty();
    }
    return wrongType(node, "a string");
  }

  /** A string that must not be empty or blank. */
  Optional<String> text(LocatedNode node, String what) {
    Optional<String> text = string(node);
    if (text.isPresent() && text.get().isBlank()) {
      errors.at(node, what + " must not be empty");
      return Optional.empty();
    }
    return text;
  }

  Optional<Boolean> bool(LocatedNode node) {
    if (node instanceof Scalar scalar && scalar.kind() == ScalarKind.BOOLEAN) {
      return Optional.of(Boolean.parseBoolean(scalar.text()));
    }
    return wrongType(node, "true or false");
  }

  /**
   * A whole number from {@code min} to {@code max}; {@code outOfRange} is the message otherwise,
   * with {@code {}} standing for the number as written.
   */
  Optional<Integer> integer(LocatedNode node, long min, long max, String outOfRange) {
    if (node instanceof Scalar quoted
        && quoted.kind() == ScalarKind.STRING
        && quoted.text().matches("\\d+")) {
      errors.at(
          node, "expected a number, found a string (remove the quotes: " + quoted.text() + ")");
      return Optional.empty();
    }
    if (!(node instanceof Scalar scalar) || scalar.kind() != ScalarKind.INTEGER) {
      return wrongType(node, "a whole number");
    }
    long value;
    try {
      value = Long.parseLong(scalar.text().replace("_", ""));
    } catch (NumberFormatException e) {
      value = Long.MAX_VALUE;
    }
    if (value < min || value > max) {
      errors.at(node, outOfRange.replace("{}", scalar.text()));
      return Optional.empty();
    }
    return Optional.of((int) value);
  }

  /** A positive duration such as {@code 30s}; a bare number gets the unit hint. */
  Optional<Duration> duration(LocatedNode node) {
    if (!(node instanceof Scalar scalar)
        || scalar.kind() == ScalarKind.NULL
        || scalar.kind() == ScalarKind.BOOLEAN) {
      return wrongType(node, "a duration such as 30s");
    }
    Optional<Duration> duration = DurationParser.parse(scalar.text());
    if (duration.isEmpty()) {
      errors.at(node, DurationParser.problem(scalar.text()));
    } else if (duration.get().isZero()) {
      errors.at(node, "must be longer than 0");
      return Optional.empty();
    }
    return duration;
  }

  /** One of {@code choices}, matched by {@code configName}; the error lists them all. */
  <T> Optional<T> choice(LocatedNode node, String what, T[] choices, Function<T, String> name) {
    Optional<String> text = string(node);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Optional<T> chosen =
        Arrays.stream(choices).filter(c -> name.apply(c).equals(text.get())).findFirst();
    if (chosen.isEmpty()) {
      String valid = Arrays.stream(choices).map(name).collect(Collectors.joining(", "));
      errors.at(node, "unknown " + what + " \"" + text.get() + "\" (valid: " + valid + ")");
    }
    return chosen;
  }

  /** A file path; relative ones are taken from the config file's directory, not the cwd. */
  Optional<Path> path(LocatedNode node, Path baseDir) {
    Optional<String> text = text(node, "the path");
    try {
      return text.map(t -> baseDir.resolve(t).normalize());
    } catch (InvalidPathException e) {
      errors.at(node, "\"" + text.get() + "\" is not a valid path: " + e.getReason());
      return Optional.empty();
    }
  }

  /** Label names and string values; every bad name and non-string value is reported. */
  Optional<Map<String, String>> labels(LocatedNode node) {
    Optional<Mapping> mapping =
        node instanceof Mapping m
            ? Optional.of(m)
            : wrongType(node, "a mapping of label names to values");
    if (mapping.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> labels = new LinkedHashMap<>();
    for (Entry entry : mapping.get().entries()) {
      LabelNames.problem(entry.key()).ifPresent(problem -> errors.at(entry, problem));
      labelValue(entry.value()).ifPresent(value -> labels.put(entry.key(), value));
    }
    return Optional.of(labels);
  }

  private Optional<String> labelValue(LocatedNode node) {
    if (node instanceof Scalar scalar && scalar.kind() == ScalarKind.STRING) {
      return Optional.of(scalar.text());
    }
    String hint =
        node instanceof Scalar scalar && scalar.kind() != ScalarKind.NULL
            ? " (quote it: \"" + scalar.text() + "\")"
            : "";
    errors.at(node, "label values must be strings, found " + node.description() + hint);
    return Optional.empty();
  }

  private <T> Optional<T> wrongType(LocatedNode node, String expected) {
    errors.at(node, "expected " + expected + ", found " + node.description());
    return Optional.empty();
  }

  private static String unknownKey(String key, List<String> known) {
    Optional<String> closest = ClosestMatch.of(key, known);
    if (closest.isPresent()) {
      return "unknown key \"" + key + "\" (did you mean \"" + closest.get() + "\"?)";
    }
    return "unknown key \"" + key + "\" (valid keys: " + String.join(", ", known) + ")";
  }
}
