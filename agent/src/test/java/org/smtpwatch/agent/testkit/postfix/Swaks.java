package org.smtpwatch.agent.testkit.postfix;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.smtpwatch.config.Mode;

/**
 * Debian's {@code swaks}, the mail administrator's SMTP test tool, as an independent client: its
 * transcript is ground truth for greetings and EHLO replies, and it logs in and sends mail to a
 * {@link PostfixInstance}.
 */
public final class Swaks {

  private static final Duration DEADLINE = Duration.ofSeconds(30);

  private Swaks() {}

  /** Greeting and EHLO (before and after TLS where the mode has TLS), then QUIT. */
  public static SwaksTranscript ehlo(String address, int port, Mode mode, String ehloName) {
    List<String> command = base(address, port, mode);
    command.addAll(List.of("--ehlo", ehloName, "--quit-after", "EHLO"));
    return run(command);
  }

  /**
   * Logs in with AUTH {@code mechanism} (over TLS as the mode says) and sends one message with
   * {@code body} from {@code from} to {@code to}.
   */
  public static SwaksTranscript send(
      String address,
      int port,
      Mode mode,
      String mechanism,
      String username,
      String password,
      String from,
      String to,
      String body) {
    List<String> command = base(address, port, mode);
    command.addAll(
        List.of(
            "--auth", mechanism,
            "--auth-user", username,
            "--auth-password", password,
            "--from", from,
            "--to", to,
            "--body", body));
    return run(command);
  }

  private static List<String> base(String address, int port, Mode mode) {
    List<String> command = new ArrayList<>();
    command.add(ExternalCommand.locate("swaks", "swaks"));
    command.addAll(List.of("--server", address + ":" + port, "--timeout", "10"));
    if (mode == Mode.STARTTLS) {
      command.add("--tls");
    } else if (mode == Mode.TLS) {
      command.add("--tls-on-connect");
    }
    return command;
  }

  private static SwaksTranscript run(List<String> command) {
    ExternalCommand.Outcome outcome = ExternalCommand.run(command, "", DEADLINE);
    // swaks prints the dialogue on stdout and its own errors on stderr.
    List<String> lines = new ArrayList<>(outcome.stdout().lines().toList());
    lines.addAll(outcome.stderr().lines().toList());
    return new SwaksTranscript(outcome.exitCode(), lines);
  }
}
