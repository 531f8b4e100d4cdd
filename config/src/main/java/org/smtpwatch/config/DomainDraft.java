package org.smtpwatch.config;

import java.util.List;

/** A domain as read, with its port templates' drafts for the checks and its node for messages. */
record DomainDraft(DomainSpec spec, LocatedNode node, List<EndpointDraft> templates) {}
