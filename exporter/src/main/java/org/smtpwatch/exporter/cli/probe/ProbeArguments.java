package org.smtpwatch.exporter.cli.probe;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.smtpwatch.config.AuthSpec;
import org.smtpwatch.config.IpPreference;
import org.smtpwatch.config.Mode;
import org.smtpwatch.config.PortDefaults;

/**
 * Parses the arguments of {@code smtpwatch probe}. Flags and the target may come in any order;
 * flags with a value take it as the next argument or after {@code =}.
 */
public final class ProbeArguments {

  /** The outcome of parsing: a request, or the one-line reason there is none. */
  public sealed interface Result {}

  public record Parsed(ProbeRequest request) implements Result {}

  public record Invalid(String message) implements Result {}

  private final List<String> args;
  private int next;

  private TargetAddress target;
  private Mode mode;
  private boolean json;
  private boolean transcript;
  private Duration timeout = ProbeRequest.DEFAULT_TIMEOUT;
  private Path caFile;
  private String serverName;
  private boolean noVerify;
  private boolean ocspQuery;
  private String ehloName;
  private IpPreference ipPreference = IpPreference.ANY;
  private String user;
  private Path passwordFile;
  private String passwordEnv;

  private ProbeArguments(List<String> args) {
    this.args = List.copyOf(args);
  }

  public static Result parse(List<String> args) {
    try {
      return new Parsed(new ProbeArguments(args).parse());
    } catch (UsageException e) {
      // Messages quote what was typed; escaping keeps a pasted line break from splitting them.
      return new Invalid(ReportFormat.printable(e.getMessage()));
    }
  }

  private ProbeRequest parse() throws UsageException {
    while (next < args.size()) {
      String arg = args.get(next++);
      if (arg.startsWith("-") && arg.length() > 1) {
        option(arg);
      } else if (target == null) {
        target = TargetAddress.parse(arg);
      } else {
        throw new UsageException("unexpected argument \"" + arg + "\"; probe takes one HOST:PORT");
      }
    }
    if (target == null) {
      throw new UsageException("missing HOST:PORT to probe (see smtpwatch --help)");
    }
    return new ProbeRequest(
        target,
        resolveMode(),
        json,
        transcript,
        timeout,
        caFile,
        serverName,
        noVerify,
        ehloName,
        ipPreference,
        auth(),
        ocspQuery);
  }

  private AuthSpec auth() throws UsageException {
    if (user == null) {
      if (passwordFile != null || passwordEnv != null) {
        throw new UsageException("--password-file and --password-env need --user");
      }
      return null;
    }
    if ((passwordFile == null) == (passwordEnv == null)) {
      throw new UsageException("--user needs one of --password-file or --password-env");
    }
    return new AuthSpec(user, passwordFile, passwordEnv, List.of(), false);
  }

  private void option(String arg) throws UsageException {
    int equals = arg.indexOf('=');
    String name = arg.startsWith("--") && equals > 0 ? arg.substring(0, equals) : arg;
    String inline = name.equals(arg) ? null : arg.substring(equals + 1);
    switch (name) {
      case "--json" -> json = flag(name, inline);
      case "--transcript" -> transcript = flag(name, inline);
      case "--no-verify" -> noVerify = flag(name, inline);
      case "--ocsp-query" -> ocspQuery = flag(name, inline);
      case "-4" -> ipPreference(IpPreference.IPV4, IpPreference.IPV6, "-4", "-6");
      case "-6" -> ipPreference(IpPreference.IPV6, IpPreference.IPV4, "-6", "-4");
      case "--mode" -> mode = mode(value(name, inline));
      case "--timeout" -> timeout = duration(name, value(name, inline));
      case "--ca-file" -> caFile = readableFile(name, value(name, inline));
      case "--server-name" -> serverName = oneWord(name, value(name, inline));
      case "--ehlo-name" -> ehloName = oneWord(name, value(name, inline));
      case "--user" -> user = oneWord(name, value(name, inline));
      case "--password-file" -> passwordFile = PrivateFile.check(name, value(name, inline));
      case "--password-env" -> passwordEnv = oneWord(name, value(name, inline));
      default -> throw new UsageException("unknown option \"" + name + "\" (see smtpwatch --help)");
    }
  }

  private static boolean flag(String name, String inline) throws UsageException {
    if (inline != null) {
      throw new UsageException(name + " takes no value");
    }
    return true;
  }

  /** The value after {@code =}, or the next argument; never empty. */
  private String value(String name, String inline) throws UsageException {
    String value = inline;
    if (value == null) {
      if (next >= args.size()) {
        throw new UsageException(name + " needs a value");
      }
      value = args.get(next++);
    }
    if (value.isBlank()) {
      throw new UsageException(name + " needs a value, not an empty string");
    }
    return value;
  }

  /**
   * Names go into the SMTP dialogue and the TLS handshake verbatim; a space or line break would
   * change the command sent (EHLO a\r\nMAIL ...), so only single words are accepted.
   */
  private static String oneWord(String name, String value) throws UsageException {
    if (!TargetAddress.isOneWord(value)) {
      throw new UsageException(name + " \"" + value + "\": must be one word, without spaces");
    }
    return value;
  }

  private void ipPreference(IpPreference chosen, IpPreference other, String flag, String otherFlag)
      throws UsageException {
    if (ipPreference == other) {
      throw new UsageException(flag + " and " + otherFlag + " exclude each other");
    }
    ipPreference = chosen;
  }

  private static Mode mode(String value) throws UsageException {
    return Mode.fromConfigName(value)
        .orElseThrow(
            () ->
                new UsageException(
                    "--mode \"" + value + "\" is not a mode; use plain, starttls or tls"));
  }

  private static Duration duration(String name, String value) throws UsageException {
    try {
      return Durations.parse(value);
    } catch (IllegalArgumentException e) {
      throw new UsageException(name + ": " + e.getMessage());
    }
  }

  private static Path readableFile(String name, String value) throws UsageException {
    Path path = Path.of(value);
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw new UsageException(name + " " + value + ": not a readable file");
    }
    return path;
  }

  private Mode resolveMode() throws UsageException {
    if (mode != null) {
      return mode;
    }
    return PortDefaults.forPort(target.port())
        .map(PortDefaults::mode)
        .orElseThrow(
            () ->
                new UsageException(
                    "port "
                        + target.port()
                        + " has no default mode; add --mode plain, starttls or tls"));
  }
}
