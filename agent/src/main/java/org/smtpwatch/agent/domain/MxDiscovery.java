package org.smtpwatch.agent.domain;

import java.net.UnknownHostException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.smtpwatch.agent.dns.CurrentDns;
import org.smtpwatch.agent.dns.DnsAnswer;
import org.smtpwatch.agent.dns.DnsClient;
import org.smtpwatch.agent.dns.DnsStatus;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Type;

/** Finds the mail exchangers of a domain as a sending MTA would (RFC 5321 section 5.1). */
final class MxDiscovery {

  private static final Comparator<MxHost> ORDER =
      Comparator.comparingInt(MxHost::preference).thenComparing(MxHost::name);

  MxOutcome discover(DnsClient client, String domain) {
    DnsAnswer answer = client.query(domain, Type.MX);
    if (answer.status() == DnsStatus.NODATA) {
      return implicitMx(client, domain);
    }
    if (answer.status() != DnsStatus.OK) {
      return MxOutcome.failed(answer.status().reason(), answer.detail());
    }
    List<MxHost> hosts =
        answer.records().stream()
            .map(r -> (MXRecord) r)
            .map(r -> new MxHost(hostName(r), r.getPriority()))
            .sorted(ORDER)
            .distinct()
            .toList();
    if (hosts.stream().anyMatch(h -> h.name().isEmpty())) {
      return MxOutcome.failed(
          "null_mx", domain + " publishes a null MX (RFC 7505): it accepts no mail");
    }
    return new MxOutcome(hosts, false, null, "", answer.ttl());
  }

  /** No MX records: the domain itself is the MX, if it has an address. */
  private static MxOutcome implicitMx(DnsClient client, String domain) {
    try {
      CurrentDns.addresses(client, domain);
    } catch (UnknownHostException e) {
      return MxOutcome.failed("no_address", domain + " has no MX records and " + e.getMessage());
    }
    return new MxOutcome(
        List.of(new MxHost(domain, 0)),
        true,
        null,
        domain + " has no MX records; its A/AAAA is the implicit MX",
        client.query(domain, Type.A).ttl());
  }

  private static String hostName(MXRecord record) {
    String name = record.getTarget().toString(true).toLowerCase(Locale.ROOT);
    // The null MX "0 ." has the root as target, which prints as "" when the dot is omitted.
    return name.equals(".") ? "" : name;
  }
}
