package org.smtpwatch.exporter.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.smtpwatch.config.Config;
import org.smtpwatch.config.ConfigError;
import org.smtpwatch.config.ConfigLoadResult;
import org.smtpwatch.config.ConfigLoader;
import org.smtpwatch.config.DnsSettings;
import org.smtpwatch.config.DomainSpec;
import org.smtpwatch.config.DurationFormat;
import org.smtpwatch.config.Endpoint;
import org.smtpwatch.config.IpPreference;
import org.smtpwatch.config.Mode;
import org.smtpwatch.config.MtaStsSettings;
import org.smtpwatch.config.TlsPolicy;

/**
 * {@code smtpwatch check-config FILE}: validates a config without starting anything and shows what
 * it would monitor, every default applied, so a person sees what the daemon will do before
 * reloading it. Exit 0 when valid; 2 for an invalid config or a usage mistake.
 */
public final class CheckConfigCommand implements CliCommand {

  private static final String USAGE_LINE = "usage: smtpwatch check-config FILE";

  private final PrintStream out;
  private final PrintStream err;
  private final ConfigLoader loader;

  public CheckConfigCommand(PrintStream out, PrintStream err) {
    this(out, err, new ConfigLoader());
  }

  /** With a loader whose environment and host name a test controls. */
  public CheckConfigCommand(PrintStream out, PrintStream err, ConfigLoader loader) {
    this.out = out;
    this.err = err;
    this.loader = loader;
  }

  /**
   * @param args what follows the verb on the command line: exactly one file
   */
  @Override
  public int run(List<String> args) {
    if (args.size() == 1 && (args.get(0).equals("-h") || args.get(0).equals("--help"))) {
      out.println(USAGE_LINE);
      return 0;
    }
    if (args.size() != 1 || args.get(0).startsWith("-")) {
      err.println("smtpwatch " + usageProblem(args) + " (" + USAGE_LINE + ")");
      return USAGE;
    }
    ConfigLoadResult result = loader.load(Path.of(args.get(0)));
    if (result instanceof ConfigLoadResult.Loaded loaded) {
      printConfig(loaded.config());
      out.flush();
      return 0;
    }
    List<ConfigError> errors = ((ConfigLoadResult.Invalid) result).errors();
    errors.forEach(err::println);
    err.println(args.get(0) + ": invalid, " + count(errors.size(), "error"));
    err.flush();
    return USAGE;
  }

  private static String usageProblem(List<String> args) {
    if (args.isEmpty()) {
      return "check-config needs the config file to check";
    }
    if (args.size() == 1) {
      return "check-config: unknown option " + args.get(0);
    }
    return "check-config takes one file, got " + args.size() + ": " + String.join(" ", args);
  }

  private void printConfig(Config config) {
    int width = config.endpoints().stream().mapToInt(e -> e.target().length()).max().orElse(0);
    for (Endpoint endpoint : config.endpoints()) {
      out.println(describe(endpoint, config, width));
    }
    config.domains().forEach(domain -> printDomain(domain, config));
    long hosts = config.endpoints().stream().map(Endpoint::host).distinct().count();
    out.println(
        "config OK: "
            + count(config.endpoints().size(), "endpoint")
            + " on "
            + count(hosts, "host")
            + ", listen "
            + config.listen()
            + ", ehlo_name "
            + config.ehloName()
            + ", at most "
            + config.maxConcurrentProbes()
            + " probes at once");
  }

  /** A watched domain: how each MX host will be probed, the MTA-STS setting, the resolver. */
  private void printDomain(DomainSpec domain, Config config) {
    MtaStsSettings sts = domain.mtaSts();
    out.println(
        "domain "
            + domain.name()
            + ": MX hosts looked up through "
            + resolver(config.dns())
            + "; MTA-STS "
            + (sts.enabled()
                ? "checked" + (sts.port() == 443 ? "" : " on port " + sts.port())
                : "off")
            + "; each MX probed as:");
    for (Endpoint template : domain.endpointsFor("MX")) {
      out.println("  " + describe(template, config, 0));
    }
  }

  private static String resolver(DnsSettings dns) {
    String servers =
        dns.servers().isEmpty()
            ? "the system resolver"
            : dns.servers().stream()
                .map(a -> a.getAddress().getHostAddress() + ":" + a.getPort())
                .collect(Collectors.joining(", "));
    return servers
        + " (timeout "
        + DurationFormat.format(dns.timeout())
        + ", again after the TTL within "
        + DurationFormat.format(dns.minTtl())
        + ".."
        + DurationFormat.format(dns.maxTtl())
        + ")";
  }

  /**
   * {@code mail.example.com:587 starttls tls=required verify=on every 60s timeout 15s
   * labels{group=prod}}; settings that are at their defaults and the same for every endpoint
   * (ehlo_name, ip preference) only appear where an endpoint differs.
   */
  private static String describe(Endpoint endpoint, Config config, int width) {
    StringBuilder line = new StringBuilder();
    line.append(pad(endpoint.target(), width)).append("  ");
    line.append(pad(endpoint.mode().configName(), 8)).append("  ");
    line.append(tls(endpoint.mode(), endpoint.tls())).append("  ");
    line.append("every ").append(DurationFormat.format(endpoint.interval()));
    line.append(" timeout ").append(DurationFormat.format(endpoint.timeout()));
    if (endpoint.auth() != null) {
      line.append("  auth=").append(endpoint.auth().username());
      if (endpoint.auth().send() != null) {
        line.append("  send=").append(endpoint.auth().send().to());
      }
    }
    if (!endpoint.ehloName().equals(config.ehloName())) {
      line.append("  ehlo=").append(endpoint.ehloName());
    }
    if (endpoint.ipPreference() != IpPreference.ANY) {
      line.append("  prefer=").append(endpoint.ipPreference().configName());
    }
    if (!endpoint.labels().isEmpty()) {
      line.append("  labels").append(labels(endpoint.labels()));
    }
    return line.toString();
  }

  private static String tls(Mode mode, TlsPolicy tls) {
    if (mode == Mode.PLAIN) {
      return "tls=off";
    }
    StringBuilder text = new StringBuilder();
    text.append("tls=").append(tls.required() ? "required" : "optional");
    text.append(" verify=").append(tls.verify() ? "on" : "off");
    if (tls.minVersion() != null) {
      text.append(" min=").append(tls.minVersion());
    }
    if (tls.serverName() != null) {
      text.append(" sni=").append(tls.serverName());
    }
    if (tls.caFile() != null) {
      text.append(" ca=").append(tls.caFile());
    }
    if (tls.ocspQuery()) {
      // Said aloud: the agent will contact the CA's responder on every probe.
      text.append(" ocsp=query");
    }
    return text.toString();
  }

  private static String labels(Map<String, String> labels) {
    return labels.entrySet().stream()
        .map(label -> label.getKey() + "=" + label.getValue())
        .collect(Collectors.joining(",", "{", "}"));
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
