package org.smtpwatch.agent.domain;

import java.util.List;
import org.smtpwatch.config.DomainSpec;
import org.smtpwatch.config.Endpoint;

/** Where the watch sends a domain's current MX endpoints: the schedule, through the reloader. */
@FunctionalInterface
public interface DomainEndpoints {

  /**
   * Makes {@code endpoints} the probed endpoints of {@code domain}, replacing its previous ones;
   * ignored when {@code domain} is no longer the running config's.
   */
  void replace(DomainSpec domain, List<Endpoint> endpoints);
}
