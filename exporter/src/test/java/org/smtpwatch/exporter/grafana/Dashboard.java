package org.smtpwatch.exporter.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A shipped Grafana dashboard: its panels (rows opened up), their queries and its variables. */
public record Dashboard(Path file, JsonNode json) {

  /** Grafana's own interval variables, and what the tests give them against a fast scrape. */
  public static final Map<String, String> BUILT_INS =
      Map.of("__rate_interval", "30s", "__interval", "15s", "__range", "5m");

  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\{(\\w+)(?::\\w+)?}|\\$(\\w+)|\\[\\[(\\w+)]]");

  /** One query of one panel. */
  public record Query(String panel, String refId, String expr) {
    @Override
    public String toString() {
      return "panel \"" + panel + "\" query " + refId + ": " + expr;
    }
  }

  /** Reads {@code file}; fails with the file's name if it is not JSON. */
  public static Dashboard load(Path file) {
    try {
      return new Dashboard(file, new ObjectMapper().readTree(file.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException("not valid JSON: " + file, e);
    }
  }

  /** Every panel, those inside rows included; rows themselves are not panels here. */
  public List<JsonNode> panels() {
    List<JsonNode> panels = new ArrayList<>();
    for (JsonNode panel : json.path("panels")) {
      if ("row".equals(panel.path("type").asText())) {
        panel.path("panels").forEach(panels::add);
      } else {
        panels.add(panel);
      }
    }
    return panels;
  }

  public List<Query> queries() {
    List<Query> queries = new ArrayList<>();
    for (JsonNode panel : panels()) {
      for (JsonNode target : panel.path("targets")) {
        queries.add(
            new Query(
                panel.path("title").asText(),
                target.path("refId").asText(),
                target.path("expr").asText()));
      }
    }
    return queries;
  }

  /** The template variables, in the order Grafana resolves them. */
  public List<JsonNode> variables() {
    List<JsonNode> variables = new ArrayList<>();
    json.path("templating").path("list").forEach(variables::add);
    return variables;
  }

  public String title() {
    return json.path("title").asText();
  }

  /**
   * The variable names {@code text} refers to ({@code $name}, {@code ${name}}, {@code [[name]]}).
   */
  public static List<String> referencedVariables(String text) {
    List<String> names = new ArrayList<>();
    Matcher matcher = VARIABLE.matcher(text);
    while (matcher.find()) {
      for (int group = 1; group <= 3; group++) {
        if (matcher.group(group) != null) {
          names.add(matcher.group(group));
        }
      }
    }
    return names;
  }

  /**
   * {@code text} with each variable replaced by its value in {@code values} or {@link #BUILT_INS};
   * fails on a variable that has neither.
   */
  public static String substitute(String text, Map<String, String> values) {
    Matcher matcher = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String name =
          matcher.group(1) != null
              ? matcher.group(1)
              : matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
      String value = values.containsKey(name) ? values.get(name) : BUILT_INS.get(name);
      if (value == null) {
        throw new AssertionError("no value for variable $" + name + " in " + text);
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
