package org.smtpwatch.agent.testkit.postfix;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.smtpwatch.agent.probe.HostResolver;
import org.smtpwatch.agent.testkit.TestCertificateAuthority;
import org.smtpwatch.agent.testkit.TestCertificates;
import org.smtpwatch.agent.tls.issue.CertificateSpec;
import org.smtpwatch.agent.tls.issue.PemFiles;

/**
 * A private Postfix 3 from Debian's package, for tests: started from a temporary configuration
 * directory, listening only on a random loopback alias with four listeners shaped like 25, 465, 587
 * and 2525 (see {@link PostfixListener}) on free high ports, presenting a certificate from a CA
 * made for this instance. SASL AUTH goes to a private Dovecot with one user; mail for {@link
 * #MAIL_DOMAIN} is delivered to a Maildir in the instance directory.
 *
 * <p>Missing {@code postfix} or {@code dovecot} fails the test with the package to install; the
 * tests never skip. {@link #close()} stops exactly the processes this instance started (and kills
 * by pid whatever outlives the stop), also when the test failed, and removes the directory.
 *
 * <pre>{@code
 * try (PostfixInstance postfix = PostfixInstance.start()) {
 *   int port = postfix.port(PostfixListener.SUBMISSION_587);
 *   postfix.override(PostfixListener.SUBMISSION_587, PostfixOverrides.tls12Only());
 *   postfix.stopListener(PostfixListener.SUBMISSION_587);
 * }
 * }</pre>
 */
public final class PostfixInstance implements AutoCloseable {

  /** The name the server calls itself and its certificate carries; {@link #resolver()} knows it. */
  public static final String HOST_NAME = "mail.test.example";

  /** The virtual mailbox domain Postfix accepts mail for. */
  public static final String MAIL_DOMAIN = "test.example";

  /** The one SASL user, whose mailbox is {@code USERNAME} too. */
  public static final String USERNAME = "user@" + MAIL_DOMAIN;

  private static final Duration RELOAD_DEADLINE = Duration.ofSeconds(20);
  private static final Duration STOP_DEADLINE = Duration.ofSeconds(15);
  private static final int START_ATTEMPTS = 3;

  private final InstanceDirectory dir;
  private final PostfixProcesses processes;
  private final String address;
  private final String password;
  private final TestCertificateAuthority authority;
  private final Map<PostfixListener, Integer> ports = new EnumMap<>(PostfixListener.class);
  private final Map<PostfixListener, ListenerSettings> settings =
      new EnumMap<>(PostfixListener.class);
  private final Thread shutdownHook = new Thread(this::close, "postfix-instance-stop");
  private TestCertificates certificates;
  private DovecotAuth dovecot;

  private PostfixInstance(InstanceDirectory dir, String address) {
    this.dir = dir;
    this.processes = new PostfixProcesses(dir);
    this.address = address;
    this.password = "pw-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    this.authority = TestCertificates.authority();
    for (PostfixListener listener : PostfixListener.values()) {
      settings.put(listener, ListenerSettings.DEFAULT);
    }
  }

  /** Starts Postfix and its Dovecot, ready to accept connections on every listener. */
  public static PostfixInstance start() throws IOException {
    // Both before anything starts, so a missing package fails at once with its name.
    PostfixProcesses.requireInstalled();
    InstanceDirectory dir = InstanceDirectory.create();
    PostfixInstance instance = new PostfixInstance(dir, randomLoopbackAlias());
    // Should the JVM be ended before close() (a killed test run), the daemons still stop.
    Runtime.getRuntime().addShutdownHook(instance.shutdownHook);
    try {
      instance.startDaemons();
    } catch (IOException | RuntimeException | Error e) {
      try {
        instance.close();
      } catch (RuntimeException | Error cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    return instance;
  }

  /** {@link #HOST_NAME}. */
  public String hostName() {
    return HOST_NAME;
  }

  /** The loopback alias every listener is bound to, such as {@code 127.100.7.42}. */
  public String address() {
    return address;
  }

  public int port(PostfixListener listener) {
    return ports.get(listener);
  }

  /** Resolves {@link #HOST_NAME} to {@link #address()}; any other name is unknown. */
  public HostResolver resolver() {
    return host -> {
      if (!HOST_NAME.equals(host)) {
        throw new UnknownHostException(host + " (only " + HOST_NAME + " is known in this test)");
      }
      return List.of(InetAddress.getByName(address));
    };
  }

  /** The CA of this instance: issue replacement certificates from it. */
  public TestCertificateAuthority authority() {
    return authority;
  }

  /** What the server presents now. */
  public synchronized TestCertificates certificates() {
    return certificates;
  }

  /** The CA's certificate as PEM, for {@code tls.ca_file} and {@code openssl -CAfile}. */
  public Path caFile() {
    return dir.caPem();
  }

  /** The default server certificate: {@link #HOST_NAME} and {@link #address()}, 90 days. */
  public CertificateSpec certificateSpec() {
    return CertificateSpec.forHosts(HOST_NAME, address);
  }

  public String username() {
    return USERNAME;
  }

  public String password() {
    return password;
  }

  /**
   * Presents {@code replacement} from now on: the files are replaced and Postfix reloaded, as an
   * administrator renewing a certificate does. Returns once no process of the old configuration is
   * left, so the next connection sees the new certificate.
   */
  public synchronized void replaceCertificate(TestCertificates replacement) throws IOException {
    writeCertificate(replacement);
    reload();
  }

  /** Removes the listener from {@code master.cf} and reloads: connections are refused. */
  public synchronized void stopListener(PostfixListener listener) {
    settings.put(listener, settings.get(listener).withRunning(false));
    reload();
  }

  /** Puts a stopped listener back, on the same port, and reloads. */
  public synchronized void startListener(PostfixListener listener) {
    settings.put(listener, settings.get(listener).withRunning(true));
    reload();
  }

  /**
   * Adds {@code -o} parameters to one listener (see {@link PostfixOverrides}) and reloads; they
   * stay until {@link #restoreListener(PostfixListener)}.
   */
  public synchronized void override(PostfixListener listener, Map<String, String> parameters) {
    settings.put(listener, settings.get(listener).withOverrides(parameters));
    reload();
  }

  /** Back to the listener's defaults (running, no overrides), reloading only if needed. */
  public synchronized void restoreListener(PostfixListener listener) {
    if (!settings.get(listener).equals(ListenerSettings.DEFAULT)) {
      settings.put(listener, ListenerSettings.DEFAULT);
      reload();
    }
  }

  /** The messages delivered to {@link #USERNAME}'s Maildir so far, oldest first, as raw text. */
  public List<String> deliveredMessages() {
    return Maildir.messages(dir.mail().resolve(MAIL_DOMAIN).resolve("user"));
  }

  /** Waits until at least {@code count} messages were delivered and returns all of them. */
  public List<String> awaitDeliveredMessages(int count, Duration deadline) {
    PostfixLogs.await(
        count + " message(s) delivered to " + USERNAME,
        deadline,
        () -> deliveredMessages().size() >= count,
        this::log);
    return deliveredMessages();
  }

  /** Every process of this instance now (Postfix's master and children, Dovecot's). */
  public synchronized List<ProcessHandle> processes() {
    List<ProcessHandle> all = new ArrayList<>(processes.running());
    if (dovecot != null) {
      all.addAll(dovecot.processes());
    }
    return all;
  }

  /** The temporary directory holding everything of this instance; removed on close. */
  public Path directory() {
    return dir.root();
  }

  /** Postfix's and Dovecot's logs so far, for failure messages. */
  public String log() {
    return "--- postfix maillog:\n"
        + PostfixLogs.read(dir.maillog())
        + "--- dovecot:\n"
        + (dovecot == null ? "(not started)\n" : dovecot.log());
  }

  /** Stops Dovecot and Postfix, kills whatever they left, and removes the instance directory. */
  @Override
  public synchronized void close() {
    List<Throwable> failures = new ArrayList<>();
    List<ProcessHandle> started = processes();
    // Both told at once and awaited together: each takes about a second to wind down.
    if (dovecot != null) {
      attempt(failures, dovecot::terminate);
    }
    attempt(failures, processes::terminate);
    attempt(failures, () -> Stragglers.kill(started, STOP_DEADLINE));
    attempt(failures, dir::delete);
    if (Thread.currentThread() != shutdownHook) {
      attempt(failures, () -> Runtime.getRuntime().removeShutdownHook(shutdownHook));
    }
    if (!failures.isEmpty()) {
      AssertionError error = new AssertionError("stopping the Postfix instance failed");
      failures.forEach(error::addSuppressed);
      throw error;
    }
  }

  private void startDaemons() throws IOException {
    InstanceDirectory.MailOwner owner = dir.prepareOwnership();
    Files.writeString(dir.virtualMailboxes(), USERNAME + " " + MAIL_DOMAIN + "/user/\n");
    writeCertificate(authority.issue(certificateSpec()));
    authority.writeCaPem(dir.conf());
    Files.writeString(
        dir.conf().resolve("main.cf"),
        PostfixConfigFiles.mainCf(dir, HOST_NAME, MAIL_DOMAIN, owner));
    for (int attempt = 1; ; attempt++) {
      ports.putAll(FreePorts.on(address, PostfixListener.values()));
      writeMasterCf();
      if (processes.start()) {
        break;
      }
      if (attempt == START_ATTEMPTS) {
        throw new AssertionError("postfix did not start; its log:\n" + log());
      }
      // Another process took one of the ports between the check and Postfix's bind: new ports.
    }
    dovecot = DovecotAuth.start(dir, address, USERNAME, password, owner);
  }

  private void writeCertificate(TestCertificates replacement) throws IOException {
    // Key and chain in one file, moved into place at once: a process starting meanwhile never
    // pairs the new chain with the old key.
    List<Object> pem = new ArrayList<>();
    pem.add(new JcaPKCS8Generator(replacement.privateKey(), null));
    pem.addAll(replacement.chain());
    Path staging = dir.conf().resolve("server.pem.new");
    Files.deleteIfExists(staging);
    Files.createFile(
        staging,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    PemFiles.write(staging, pem);
    Files.move(
        staging,
        dir.serverPem(),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
    certificates = replacement;
  }

  private void writeMasterCf() {
    try {
      Files.writeString(
          dir.conf().resolve("master.cf"), PostfixConfigFiles.masterCf(address, ports, settings));
    } catch (IOException e) {
      throw new AssertionError("cannot write master.cf in " + dir.conf(), e);
    }
  }

  private void reload() {
    writeMasterCf();
    processes.reload(RELOAD_DEADLINE, this::log);
  }

  private static String randomLoopbackAlias() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return "127.100." + random.nextInt(256) + "." + random.nextInt(1, 255);
  }

  private interface Step {
    void run() throws Exception;
  }

  private static void attempt(List<Throwable> failures, Step step) {
    try {
      step.run();
    } catch (Exception | Error e) {
      failures.add(e);
    }
  }
}
