package org.smtpwatch.exporter.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One alerting rule of a shipped rule file, as Prometheus reads it.
 *
 * @param forDuration how long the condition must hold before the alert fires ({@code for:})
 */
public record AlertRule(
    Path file,
    String name,
    String expr,
    Duration forDuration,
    Map<String, String> labels,
    Map<String, String> annotations) {

  private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|s|m|h|d|w)");

  /** Every alerting rule of {@code file}; recording rules are left out. */
  public static List<AlertRule> load(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    List<AlertRule> rules = new ArrayList<>();
    for (JsonNode group : root.path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        if (rule.hasNonNull("alert")) {
          rules.add(
              new AlertRule(
                  file,
                  rule.path("alert").asText(),
                  rule.path("expr").asText(),
                  duration(rule.path("for").asText("0s")),
                  strings(rule.path("labels")),
                  strings(rule.path("annotations"))));
        }
      }
    }
    return rules;
  }

  /** The named alert of the shipped rule files. */
  public static AlertRule named(String name) {
    return GrafanaFiles.ruleFiles().stream()
        .flatMap(file -> load(file).stream())
        .filter(rule -> rule.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no alert " + name + " in the shipped rules"));
  }

  /** A Prometheus duration such as {@code 2m}, {@code 1h30m} or {@code 0s}. */
  static Duration duration(String text) {
    Matcher part = DURATION_PART.matcher(text);
    Duration total = Duration.ZERO;
    int end = 0;
    while (part.find() && part.start() == end) {
      long amount = Long.parseLong(part.group(1));
      total =
          total.plus(
              switch (part.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> Duration.ofDays(7 * amount);
              });
      end = part.end();
    }
    if (end != text.length() || text.isEmpty()) {
      throw new IllegalArgumentException("not a Prometheus duration: " + text);
    }
    return total;
  }

  private static Map<String, String> strings(JsonNode node) {
    Map<String, String> map = new TreeMap<>();
    node.fields().forEachRemaining(field -> map.put(field.getKey(), field.getValue().asText()));
    return map;
  }
}
