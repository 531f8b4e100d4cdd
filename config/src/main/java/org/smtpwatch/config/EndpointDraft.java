package org.smtpwatch.config;

import java.time.Duration;

/**
 * An endpoint as read, with where it came from: the checks that span endpoints (duplicates, timeout
 * against interval) need to point back into the file.
 */
record EndpointDraft(
    Endpoint endpoint, LocatedNode node, Setting<Duration> interval, Setting<Duration> timeout) {}
