package org.smtpwatch.bench.jmh;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.smtpwatch.agent.smtp.EhloCapabilities;
import org.smtpwatch.agent.smtp.EhloParser;
import org.smtpwatch.agent.smtp.ReadTimeout;
import org.smtpwatch.agent.smtp.SmtpReply;
import org.smtpwatch.agent.smtp.SmtpReplyReader;

/**
 * The reply reader and the EHLO parser on what every probe reads: a greeting and a Postfix EHLO.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ReplyParsingBenchmark {

  private static final byte[] GREETING =
      "220 mail.example.com ESMTP Postfix (Debian/GNU)\r\n".getBytes(StandardCharsets.US_ASCII);

  private static final byte[] EHLO =
      ("250-mail.example.com\r\n250-PIPELINING\r\n250-SIZE 52428800\r\n250-VRFY\r\n250-ETRN\r\n"
              + "250-STARTTLS\r\n250-AUTH PLAIN LOGIN\r\n250-ENHANCEDSTATUSCODES\r\n250-8BITMIME\r\n"
              + "250-DSN\r\n250-SMTPUTF8\r\n250 CHUNKING\r\n")
          .getBytes(StandardCharsets.US_ASCII);

  private final SmtpReply ehloReply = readEhlo();

  @Benchmark
  public SmtpReply readGreeting() throws IOException {
    return new SmtpReplyReader(new ByteArrayInputStream(GREETING), ReadTimeout.none()).read();
  }

  @Benchmark
  public SmtpReply readEhlo() {
    try {
      return new SmtpReplyReader(new ByteArrayInputStream(EHLO), ReadTimeout.none()).read();
    } catch (IOException e) {
      throw new IllegalStateException("the EHLO reply is well formed", e);
    }
  }

  @Benchmark
  public EhloCapabilities parseEhlo() {
    return EhloParser.parse(ehloReply);
  }
}
