package org.smtpwatch.exporter.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every shipped dashboard, found by listing {@code grafana/dashboards/}, is importable as it is:
 * valid JSON in Grafana's current schema, its data source always chosen through the {@code
 * datasource} variable (never a UID of someone's Grafana), the variables a user filters with, and
 * queries that use them. Whether the queries return data is the job of {@code
 * GrafanaOnPrometheusTest} (host dashboards) and {@code DomainDashboardOnPrometheusTest} (domain
 * dashboards).
 */
class DashboardJsonTest {

  private static final String DATASOURCE = "${datasource}";
  private static final int SCHEMA_VERSION = 39;
  private static final Set<String> PANEL_TYPES =
      Set.of(
          "stat",
          "table",
          "timeseries",
          "piechart",
          "state-timeline",
          "status-history",
          "gauge",
          "bargauge",
          "text",
          "heatmap");

  @TestFactory
  Stream<DynamicContainer> everyDashboard() {
    return GrafanaFiles.dashboards().stream()
        .map(
            file -> {
              Dashboard dashboard = Dashboard.load(file);
              return DynamicContainer.dynamicContainer(
                  file.getFileName().toString(),
                  Stream.of(
                      DynamicTest.dynamicTest("schema", () -> schema(dashboard)),
                      DynamicTest.dynamicTest("data sources", () -> dataSources(dashboard)),
                      DynamicTest.dynamicTest("variables", () -> variables(dashboard)),
                      DynamicTest.dynamicTest("panels", () -> panels(dashboard)),
                      DynamicTest.dynamicTest("queries", () -> queries(dashboard))));
            });
  }

  @Test
  void dashboardUidsAreUniqueSoProvisioningKeepsThemApart() {
    List<String> uids =
        GrafanaFiles.dashboards().stream()
            .map(file -> Dashboard.load(file).json().path("uid").asText())
            .toList();
    assertThat(uids).doesNotHaveDuplicates().allSatisfy(uid -> assertThat(uid).isNotBlank());
  }

  @Test
  void everyDashboardIsCheckedForDataAsAHostOrADomainDashboard() {
    List<Path> covered = new ArrayList<>(GrafanaFiles.hostDashboards());
    covered.addAll(GrafanaFiles.domainDashboards());
    assertThat(covered).containsExactlyInAnyOrderElementsOf(GrafanaFiles.dashboards());
    assertThat(GrafanaFiles.domainDashboards()).isNotEmpty();
  }

  @Test
  void theShippedDashboardsCoverOverviewEndpointAndAgent() {
    Set<String> titles =
        GrafanaFiles.dashboards().stream()
            .map(file -> Dashboard.load(file).title())
            .collect(Collectors.toSet());
    assertThat(titles)
        .contains("smtpwatch / Overview", "smtpwatch / Endpoint", "smtpwatch / Agent health");
  }

  @Test
  void variableReferencesAreFoundAndSubstituted() {
    String expr = "rate(x{host=~\"$host\", port=~\"${port}\"}[$__rate_interval])";
    assertThat(Dashboard.referencedVariables(expr))
        .containsExactly("host", "port", "__rate_interval");
    assertThat(Dashboard.substitute(expr, Map.of("host", "a|b", "port", ".*")))
        .isEqualTo("rate(x{host=~\"a|b\", port=~\".*\"}[30s])");
  }

  private static void schema(Dashboard dashboard) {
    JsonNode json = dashboard.json();
    assertThat(json.isObject()).isTrue();
    assertThat(json.path("schemaVersion").asInt()).isGreaterThanOrEqualTo(SCHEMA_VERSION);
    assertThat(dashboard.title()).startsWith("smtpwatch / ");
    assertThat(json.path("uid").asText()).matches("[a-z0-9-]{1,40}");
    // An import must create a new dashboard, not overwrite one with the same database id.
    assertThat(json.path("id").isNull()).as("id is null").isTrue();
    assertThat(json.has("__inputs")).as("no __inputs: provisioning does not fill them").isFalse();
    assertThat(json.path("time").path("from").asText()).isNotBlank();
  }

  private static void dataSources(Dashboard dashboard) {
    List<JsonNode> found = new ArrayList<>();
    collectDataSources(dashboard.json(), found);
    assertThat(found).isNotEmpty();
    for (JsonNode datasource : found) {
      if (datasource.isObject() && "grafana".equals(datasource.path("type").asText())) {
        continue; // the built-in annotation source, the same in every Grafana
      }
      assertThat(datasource.isObject()).as("data source as an object: %s", datasource).isTrue();
      assertThat(datasource.path("type").asText()).as("%s", datasource).isEqualTo("prometheus");
      assertThat(datasource.path("uid").asText()).as("%s", datasource).isEqualTo(DATASOURCE);
    }
    for (JsonNode panel : dashboard.panels()) {
      assertThat(panel.path("datasource").path("uid").asText())
          .as("panel %s", panel.path("title"))
          .isEqualTo(DATASOURCE);
      for (JsonNode target : panel.path("targets")) {
        assertThat(target.path("datasource").path("uid").asText())
            .as("panel %s query %s", panel.path("title"), target.path("refId"))
            .isEqualTo(DATASOURCE);
      }
    }
    assertThat(dashboard.json().toString()).doesNotContain("${DS_");
  }

  private static void collectDataSources(JsonNode node, List<JsonNode> found) {
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              field -> {
                if (field.getKey().equals("datasource")) {
                  found.add(field.getValue());
                } else {
                  collectDataSources(field.getValue(), found);
                }
              });
    } else if (node.isArray()) {
      node.forEach(child -> collectDataSources(child, found));
    }
  }

  private static void variables(Dashboard dashboard) {
    Map<String, JsonNode> byName =
        dashboard.variables().stream()
            .collect(Collectors.toMap(v -> v.path("name").asText(), v -> v));
    JsonNode datasource = byName.get("datasource");
    assertThat(datasource).as("a datasource variable").isNotNull();
    assertThat(datasource.path("type").asText()).isEqualTo("datasource");
    assertThat(datasource.path("query").asText()).isEqualTo("prometheus");
    assertThat(dashboard.variables().get(0).path("name").asText())
        .as("the data source is resolved first")
        .isEqualTo("datasource");
    List<String> required = new ArrayList<>(List.of("instance"));
    boolean perEndpoint =
        dashboard.queries().stream().anyMatch(query -> query.expr().contains("smtp_probe_success"));
    if (perEndpoint) {
      required.addAll(List.of("host", "port"));
      assertThat(byName.values())
          .as("an ad hoc filter for the endpoints' own labels")
          .anySatisfy(v -> assertThat(v.path("type").asText()).isEqualTo("adhoc"));
    }
    for (String name : required) {
      JsonNode variable = byName.get(name);
      assertThat(variable).as("variable %s", name).isNotNull();
      assertThat(variable.path("type").asText()).isEqualTo("query");
      assertThat(variable.path("definition").asText()).startsWith("label_values(");
      assertThat(variable.path("query").path("query").asText())
          .isEqualTo(variable.path("definition").asText());
    }
  }

  private static void panels(Dashboard dashboard) {
    Set<Integer> ids = new HashSet<>();
    for (JsonNode panel : dashboard.json().path("panels")) {
      assertThat(ids.add(panel.path("id").asInt())).as("unique id %s", panel.path("id")).isTrue();
      JsonNode grid = panel.path("gridPos");
      assertThat(grid.path("w").asInt()).as("%s width", panel.path("title")).isBetween(1, 24);
      assertThat(grid.path("x").asInt() + grid.path("w").asInt()).isLessThanOrEqualTo(24);
      assertThat(grid.path("h").asInt()).isPositive();
    }
    for (JsonNode panel : dashboard.panels()) {
      assertThat(panel.path("type").asText()).as("%s", panel.path("title")).isIn(PANEL_TYPES);
      assertThat(panel.path("title").asText()).isNotBlank();
      assertThat(panel.path("targets")).as("%s has queries", panel.path("title")).isNotEmpty();
    }
  }

  private static void queries(Dashboard dashboard) {
    Set<String> defined =
        dashboard.variables().stream()
            .map(v -> v.path("name").asText())
            .collect(Collectors.toSet());
    boolean hasHost = defined.contains("host");
    for (Dashboard.Query query : dashboard.queries()) {
      assertThat(query.expr()).as("%s", query).isNotBlank();
      assertThat(query.refId()).as("%s", query).isNotBlank();
      assertThat(Dashboard.referencedVariables(query.expr()))
          .as("%s: variables", query)
          .allSatisfy(
              name ->
                  assertThat(defined.contains(name) || Dashboard.BUILT_INS.containsKey(name))
                      .as("$%s is defined", name)
                      .isTrue())
          .contains("instance");
      if (hasHost && query.expr().contains("smtp_")) {
        assertThat(query.expr())
            .as("%s filters by the host and port variables", query)
            .contains("host=~\"$host\"", "port=~\"$port\"");
      }
    }
  }
}
