package org.smtpwatch.agent.probe;

import java.time.Duration;

/** How long one completed phase took, measured on the monotonic clock. */
public record PhaseTiming(Phase phase, Duration duration) {}
