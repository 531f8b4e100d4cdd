package org.smtpwatch.agent.mtasts;

/**
 * What one look at a domain's MTA-STS setup found.
 *
 * @param published whether the domain publishes MTA-STS: an {@code _mta-sts} TXT record starting
 *     with {@code v=STSv1} exists (valid or not)
 * @param id the policy id from the TXT record, or {@code null}
 * @param policy the fetched and parsed policy, or {@code null}
 * @param failure why the TXT record or the policy could not be had, or {@code null}; a domain that
 *     does not publish MTA-STS at all has no failure
 */
public record MtaStsOutcome(
    boolean published, String id, MtaStsPolicy policy, FetchFailure failure) {

  static final MtaStsOutcome NOT_PUBLISHED = new MtaStsOutcome(false, null, null, null);

  public boolean fetched() {
    return policy != null;
  }
}
