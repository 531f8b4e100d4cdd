package org.smtpwatch.agent.schedule;

import java.time.Instant;

/**
 * For {@code smtpwatch_config_last_reload_successful} and {@code
 * smtpwatch_config_last_reload_success_timestamp_seconds}. Loading the config at start counts as a
 * successful reload, as in Prometheus.
 *
 * @param lastSuccessful whether the most recent attempt was applied
 * @param lastAttemptAt when the most recent attempt was made
 * @param lastSuccessAt when a config was last applied
 */
public record ReloadStatus(boolean lastSuccessful, Instant lastAttemptAt, Instant lastSuccessAt) {}
