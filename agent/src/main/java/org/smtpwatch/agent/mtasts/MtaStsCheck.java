package org.smtpwatch.agent.mtasts;

import java.time.Duration;
import java.util.List;
import org.smtpwatch.agent.dns.DnsAnswer;
import org.smtpwatch.agent.dns.DnsClient;
import org.smtpwatch.agent.dns.DnsStatus;
import org.smtpwatch.config.MtaStsSettings;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * Looks at a domain as an MTA-STS sender would on first contact (RFC 8461 section 3): the {@code
 * _mta-sts} TXT record, then the policy file, parsed strictly.
 */
public final class MtaStsCheck {

  private final TxtRecordParser txtParser = new TxtRecordParser();
  private final PolicyParser policyParser = new PolicyParser();
  private final PolicyFetcher fetcher = new PolicyFetcher();

  public MtaStsOutcome check(
      String domain, MtaStsSettings settings, DnsClient dns, Duration timeout) {
    DnsAnswer txt = dns.query("_mta-sts." + domain, Type.TXT);
    if (txt.status() == DnsStatus.NXDOMAIN || txt.status() == DnsStatus.NODATA) {
      return MtaStsOutcome.NOT_PUBLISHED;
    }
    if (txt.status() != DnsStatus.OK) {
      return new MtaStsOutcome(false, null, null, new FetchFailure("dns", txt.detail()));
    }
    List<String> records =
        txt.records().stream().map(r -> String.join("", ((TXTRecord) r).getStrings())).toList();
    if (records.stream().noneMatch(r -> r.startsWith("v=STSv1"))) {
      return MtaStsOutcome.NOT_PUBLISHED;
    }
    String id;
    try {
      id = txtParser.id(records);
    } catch (PolicyFormatException e) {
      return new MtaStsOutcome(true, null, null, new FetchFailure("txt_invalid", e.getMessage()));
    }
    PolicyFetcher.Fetched fetched = fetcher.fetch(domain, settings, dns, timeout);
    if (fetched.failure() != null) {
      return new MtaStsOutcome(true, id, null, fetched.failure());
    }
    try {
      return new MtaStsOutcome(true, id, policyParser.parse(fetched.body()), null);
    } catch (PolicyFormatException e) {
      return new MtaStsOutcome(
          true,
          id,
          null,
          new FetchFailure("malformed", "the policy is malformed: " + e.getMessage()));
    }
  }
}
