package org.smtpwatch.agent.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExternalCommandTest {

  @Test
  void aMissingProgramFailsNamingThePackageToInstall() {
    assertThatThrownBy(() -> ExternalCommand.locate("smtpwatch-no-such-program", "some-package"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("smtpwatch-no-such-program not found")
        .hasMessageContaining("apt-get install some-package")
        .hasMessageContaining(".ci/run");
  }

  @Test
  void outputExitCodeAndInputAreKept() {
    ExternalCommand.Outcome outcome =
        ExternalCommand.run(
            List.of(ExternalCommand.locate("sh", "dash"), "-c", "cat; echo oops >&2; exit 3"),
            "given on stdin\n",
            Duration.ofSeconds(30));

    assertThat(outcome.exitCode()).isEqualTo(3);
    assertThat(outcome.stdout()).isEqualTo("given on stdin\n");
    assertThat(outcome.stderr()).isEqualTo("oops\n");
    assertThatThrownBy(outcome::requireSuccess)
        .hasMessageContaining("exited with 3")
        .hasMessageContaining("oops");
  }

  @Test
  void aCommandStillRunningAtItsDeadlineIsKilledAndFails() {
    List<String> command = List.of(ExternalCommand.locate("sleep", "coreutils"), "600");

    assertThatThrownBy(() -> ExternalCommand.run(command, "", Duration.ofMillis(200)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("did not finish");
  }
}
