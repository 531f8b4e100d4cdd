package org.smtpwatch.exporter.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.smtpwatch.exporter.prometheus.PrometheusServer;
import org.smtpwatch.exporter.prometheus.PrometheusServer.Sample;

/**
 * Every query of every panel of some dashboards, sent to a real Prometheus the way Grafana sends it
 * when a user opens the dashboard: variables resolved through their {@code label_values()} queries,
 * multi-value ones on All, single-value ones on a value the test prefers.
 *
 * @param preferred the value of each single-value variable the test wants shown (e.g. the endpoint
 *     that has a failure history); others take the first value Prometheus knows
 */
public record PanelData(PrometheusServer prometheus, Map<String, String> preferred) {

  private static final Pattern LABEL_VALUES =
      Pattern.compile("label_values\\((.+),\\s*(\\w+)\\)", Pattern.DOTALL);

  /**
   * Polls until every query of {@code dashboards} returns data, or {@code patience} is over; rates
   * need a few scrapes, so right after a start they may still be empty.
   *
   * @return the queries without data (or that Prometheus refuses) at the end: empty when all have
   */
  public List<String> awaitQueriesWithoutData(List<Path> dashboards, Duration patience)
      throws IOException {
    Instant deadline = Instant.now().plus(patience);
    List<String> problems = queriesWithoutData(dashboards);
    while (!problems.isEmpty() && Instant.now().isBefore(deadline)) {
      LockSupport.parkNanos(PrometheusServer.SCRAPE_AND_EVALUATION_INTERVAL.toNanos());
      problems = queriesWithoutData(dashboards);
    }
    return problems;
  }

  /** Every query of {@code dashboards} that returns no data, or that Prometheus refuses. */
  public List<String> queriesWithoutData(List<Path> dashboards) throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path file : dashboards) {
      Dashboard dashboard = Dashboard.load(file);
      Map<String, String> values = variableValues(dashboard);
      assertThat(dashboard.queries()).as("queries of %s", file).isNotEmpty();
      for (Dashboard.Query query : dashboard.queries()) {
        String promql = Dashboard.substitute(query.expr(), values);
        String where = file.getFileName() + ", " + query + "\n    as sent: " + promql;
        try {
          List<Sample> samples = prometheus.query(promql);
          if (samples.isEmpty()) {
            problems.add(where + "\n    returns no data");
          } else if (samples.stream().anyMatch(sample -> !Double.isFinite(sample.value()))) {
            problems.add(where + "\n    returns a value that is not a number: " + samples);
          }
        } catch (AssertionError refused) {
          problems.add(where + "\n    " + refused.getMessage());
        }
      }
    }
    return problems;
  }

  /**
   * Each variable as a user first sees it: multi-value ones on All, single-value ones on the
   * preferred value. Every query variable must find values.
   */
  private Map<String, String> variableValues(Dashboard dashboard) throws IOException {
    Map<String, String> values = new HashMap<>();
    for (JsonNode variable : dashboard.variables()) {
      if (!"query".equals(variable.path("type").asText())) {
        continue; // the data source is the one Prometheus; ad hoc filters start empty
      }
      String name = variable.path("name").asText();
      Matcher labelValues = LABEL_VALUES.matcher(variable.path("definition").asText());
      assertThat(labelValues.matches()).as("$%s is a label_values() query", name).isTrue();
      String match = Dashboard.substitute(labelValues.group(1).trim(), values);
      List<String> found = prometheus.labelValues(labelValues.group(2), match);
      assertThat(found).as("values of $%s in %s", name, dashboard.file()).isNotEmpty();
      if (variable.path("includeAll").asBoolean()) {
        values.put(
            name,
            variable.has("allValue")
                ? variable.path("allValue").asText()
                : found.stream().map(Pattern::quote).collect(Collectors.joining("|", "(", ")")));
      } else if (preferred.containsKey(name)) {
        assertThat(found).as("values of $%s", name).contains(preferred.get(name));
        values.put(name, preferred.get(name));
      } else {
        values.put(name, found.get(0));
      }
    }
    return values;
  }
}
