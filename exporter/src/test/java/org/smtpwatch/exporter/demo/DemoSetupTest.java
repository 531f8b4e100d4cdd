package org.smtpwatch.exporter.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpwatch.agent.probe.ProbeResult;
import org.smtpwatch.agent.probe.SmtpProber;
import org.smtpwatch.config.Endpoint;
import org.smtpwatch.config.Mode;

class DemoSetupTest {

  @TempDir Path workDir;

  @Test
  void everyDemoListenerPassesARealProbeWithVerifiedTls() throws Exception {
    DemoSetup setup = DemoSetup.start(workDir);
    try (DemoMailServer server = setup.server()) {
      assertThat(server.listeners())
          .extracting(DemoListener::shapedLike)
          .containsExactly(25, 465, 587, 2525);
      SmtpProber prober = new SmtpProber();
      for (Endpoint endpoint : setup.config().endpoints()) {
        ProbeResult result = prober.probe(endpoint);

        assertThat(result.failure()).as("%s", endpoint.target()).isNull();
        assertThat(result.tls()).as("%s", endpoint.target()).isNotNull();
        assertThat(result.certificate().trusted()).isTrue();
        assertThat(result.certificate().hostnameMatch()).isTrue();
        assertThat(result.startTlsOffered()).isEqualTo(endpoint.mode() == Mode.STARTTLS);
      }
    }
  }

  @Test
  void the587LikeListenerRequiresTheDemoUserWhosePasswordFileIsPrivate() throws Exception {
    DemoSetup setup = DemoSetup.start(workDir);
    try (DemoMailServer server = setup.server()) {
      Endpoint submission = setup.config().endpoints().get(2);
      assertThat(submission.labels()).containsEntry("shaped_like", "587");
      assertThat(setup.config().endpoints())
          .filteredOn(endpoint -> endpoint.auth() != null)
          .containsExactly(submission);
      assertThat(
              PosixFilePermissions.toString(
                  Files.getPosixFilePermissions(submission.auth().passwordFile())))
          .isEqualTo("rw-------");

      ProbeResult result = new SmtpProber().probe(submission);

      assertThat(result.auth().failure()).isNull();
      assertThat(result.auth().success()).isTrue();
      assertThat(result.auth().send().success()).isTrue();
      assertThat(setup.introduction())
          .contains("--user " + submission.auth().username())
          .contains("--password-file " + submission.auth().passwordFile());
    }
  }

  @Test
  void requiredTlsEverywhereButThe25LikeListener() throws Exception {
    DemoSetup setup = DemoSetup.start(workDir);
    try (DemoMailServer server = setup.server()) {
      assertThat(setup.config().endpoints())
          .extracting(endpoint -> endpoint.labels().get("shaped_like"), e -> e.tls().required())
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("25", false),
              org.assertj.core.groups.Tuple.tuple("465", true),
              org.assertj.core.groups.Tuple.tuple("587", true),
              org.assertj.core.groups.Tuple.tuple("2525", true));
    }
  }

  @Test
  void deletingFilesRemovesTheAuthorityAndTheDirectory() throws Exception {
    Path own = Files.createDirectory(workDir.resolve("demo"));
    DemoSetup setup = DemoSetup.start(own);
    setup.server().close();
    assertThat(own.resolve("demo-ca.pem")).exists();

    setup.deleteFiles();

    assertThat(own).doesNotExist();
  }
}
