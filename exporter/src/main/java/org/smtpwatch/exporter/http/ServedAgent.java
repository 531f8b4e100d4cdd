package org.smtpwatch.exporter.http;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.smtpwatch.agent.schedule.Agent;
import org.smtpwatch.agent.schedule.EndpointSnapshot;
import org.smtpwatch.agent.schedule.ReloadOutcome;
import org.smtpwatch.config.Config;

/**
 * What the HTTP server reads from and does to the running agent.
 *
 * @param endpoints the result store's snapshot, for the status page and readiness
 * @param running the config in force now, for {@code /probe}'s allow rules and endpoints
 * @param reload what {@code POST /-/reload} does
 */
public record ServedAgent(
    Supplier<List<EndpointSnapshot>> endpoints,
    Supplier<Config> running,
    Supplier<ReloadOutcome> reload) {

  /** {@code agent}, reloading from {@code configFile} as SIGHUP does. */
  public static ServedAgent of(Agent agent, Path configFile) {
    return new ServedAgent(
        agent.results()::snapshot,
        agent.reloader()::running,
        () -> agent.reloader().reload(configFile));
  }
}
