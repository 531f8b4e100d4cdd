package org.smtpwatch.agent.probe;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Function;
import org.smtpwatch.agent.ocsp.OcspQuery;
import org.smtpwatch.agent.ocsp.OcspResponseCheck;
import org.smtpwatch.agent.tls.TlsHandshakers;
import org.smtpwatch.config.Endpoint;

/**
 * Probes an endpoint in its configured mode: one SMTP session under one deadline (the endpoint's
 * timeout). Keeps nothing between probes but the trust material of each TLS policy, so one instance
 * serves every endpoint and thread.
 */
public final class SmtpProber implements Prober {

  private final BoundedResolution resolution;
  private final ScheduledExecutorService alarmTimer = alarmTimer();
  private final TlsHandshakers handshakers = new TlsHandshakers();
  private final PasswordSource passwords;
  private final RevocationCheck revocation =
      new RevocationCheck(new OcspQuery(new OcspResponseCheck(Clock.systemUTC())));

  /** Resolves host names with the system resolver. */
  public SmtpProber() {
    this(HostResolver.system());
  }

  /** Resolves host names with {@code resolver}: tests use it to avoid DNS. */
  public SmtpProber(HostResolver resolver) {
    this(resolver, System::getenv);
  }

  /**
   * @param environment where {@code auth.password_env} variables are looked up (tests pass a map)
   */
  public SmtpProber(HostResolver resolver, Function<String, String> environment) {
    this.resolution = new BoundedResolution(Objects.requireNonNull(resolver, "resolver"));
    this.passwords = new PasswordSource(Objects.requireNonNull(environment, "environment"));
  }

  @Override
  public ProbeResult probe(Endpoint endpoint, Transcript transcript) {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(transcript, "transcript");
    return new ProbeRun(
            endpoint, transcript, resolution, alarmTimer, handshakers, passwords, revocation)
        .execute();
  }

  // One timer thread serves every probe of this prober; cancelled alarms leave its queue at once,
  // so ten thousand endpoints do not pile up disarmed alarms until their due time.
  private static ScheduledExecutorService alarmTimer() {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread thread = new Thread(task, "smtpwatch-probe-alarm");
              thread.setDaemon(true);
              return thread;
            });
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }
}
