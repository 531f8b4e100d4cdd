package org.smtpwatch.exporter.cli.probe;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.smtpwatch.config.AuthSpec;
import org.smtpwatch.config.Endpoint;
import org.smtpwatch.config.IpPreference;
import org.smtpwatch.config.Mode;
import org.smtpwatch.config.PortDefaults;
import org.smtpwatch.config.TlsPolicy;

/**
 * What {@code smtpwatch probe} was asked to do, after parsing and before probing.
 *
 * @param mode the mode given with {@code --mode}, or the port's default
 * @param caFile {@code --ca-file}, or {@code null} for the JDK's trust store
 * @param serverName {@code --server-name}, or {@code null} for the host
 * @param ehloName {@code --ehlo-name}, or {@code null} for the machine's name
 * @param auth {@code --user} with {@code --password-file} or {@code --password-env}, or {@code
 *     null} to probe without logging in
 */
public record ProbeRequest(
    TargetAddress target,
    Mode mode,
    boolean json,
    boolean transcript,
    Duration timeout,
    Path caFile,
    String serverName,
    boolean noVerify,
    String ehloName,
    IpPreference ipPreference,
    AuthSpec auth,
    boolean ocspQuery) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

  /**
   * The endpoint to probe. The port's defaults (TLS required, certificate verified) apply when the
   * mode is the port's own; a mode given for another port's purpose gets that mode's defaults.
   */
  public Endpoint toEndpoint(String defaultEhloName) {
    PortDefaults defaults =
        PortDefaults.forPort(target.port())
            .filter(portDefaults -> portDefaults.mode() == mode)
            .orElseGet(() -> PortDefaults.forMode(mode));
    TlsPolicy tls =
        new TlsPolicy(
            defaults.tlsRequired(),
            defaults.tlsVerify() && !noVerify,
            caFile,
            serverName,
            null,
            ocspQuery);
    return new Endpoint(
        target.host(),
        target.port(),
        mode,
        tls,
        auth,
        Map.of(),
        // A one-off probe has no schedule; the interval only has to exceed the timeout.
        timeout.multipliedBy(2),
        timeout,
        ehloName != null ? ehloName : defaultEhloName,
        ipPreference);
  }
}
