package org.smtpwatch.config;

import java.util.List;
import java.util.Objects;

/**
 * A mail domain to watch: its MX hosts are discovered at run time and each is probed like a target.
 *
 * @param name the domain, lower case, without a trailing dot
 * @param templates one endpoint per configured port, with {@code host} set to the domain name and
 *     the {@code domain} label set; each MX host gets a copy with its own name as host
 * @param mtaSts how to fetch the domain's MTA-STS policy
 */
public record DomainSpec(String name, List<Endpoint> templates, MtaStsSettings mtaSts) {

  /** The label that MX-derived endpoints and the domain's own series carry. */
  public static final String LABEL = "domain";

  public DomainSpec {
    Objects.requireNonNull(name, "name");
    templates = List.copyOf(templates);
    Objects.requireNonNull(mtaSts, "mtaSts");
  }

  /** The endpoints of one MX host: the templates with {@code mxHost} as host. */
  public List<Endpoint> endpointsFor(String mxHost) {
    return templates.stream()
        .map(
            t ->
                new Endpoint(
                    mxHost,
                    t.port(),
                    t.mode(),
                    t.tls(),
                    t.auth(),
                    t.labels(),
                    t.interval(),
                    t.timeout(),
                    t.ehloName(),
                    t.ipPreference(),
                    t.bannerPattern()))
        .toList();
  }
}
