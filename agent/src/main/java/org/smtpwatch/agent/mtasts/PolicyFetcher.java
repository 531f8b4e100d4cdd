package org.smtpwatch.agent.mtasts;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;
import org.smtpwatch.agent.dns.CurrentDns;
import org.smtpwatch.agent.dns.DnsClient;
import org.smtpwatch.agent.tls.PkixTrust;
import org.smtpwatch.agent.tls.TlsSetupException;
import org.smtpwatch.config.MtaStsSettings;

/**
 * Fetches {@code https://mta-sts.<domain>/.well-known/mta-sts.txt} as RFC 8461 section 3.3 asks:
 * the certificate validated for {@code mta-sts.<domain>} (SNI and Host carry that name), no
 * redirects followed, at most {@link #SIZE_LIMIT} bytes, and the whole fetch within the timeout.
 * The host name is resolved through the configured resolver, like the MX hosts.
 */
final class PolicyFetcher {

  /** RFC 8461 section 3.3 suggests 64 KiB as the limit senders apply. */
  static final int SIZE_LIMIT = 64 * 1024;

  /** The policy text, or why there is none. */
  record Fetched(String body, FetchFailure failure) {}

  Fetched fetch(String domain, MtaStsSettings settings, DnsClient dns, Duration timeout) {
    String host = "mta-sts." + domain;
    String portPart = settings.port() == 443 ? "" : ":" + settings.port();
    HttpGet get = new HttpGet("https://" + host + portPart + "/.well-known/mta-sts.txt");
    AtomicBoolean expired = new AtomicBoolean();
    // Socket timeouts bound each read; this bounds the whole exchange against a server that
    // trickles its answer one byte at a time.
    CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .execute(
            () -> {
              expired.set(true);
              get.cancel();
            });
    try (CloseableHttpClient client = client(settings, dns, timeout)) {
      return client.execute(get, response -> read(response, host));
    } catch (TlsSetupException e) {
      return failed("error", e.getMessage());
    } catch (UnknownHostException e) {
      return failed("dns", "cannot resolve " + host + ": " + e.getMessage());
    } catch (SSLException e) {
      return failed("tls", "TLS with " + host + " failed: " + e.getMessage());
    } catch (SocketTimeoutException e) {
      return failed("timeout", "no answer from " + host + " within " + timeout.toMillis() + " ms");
    } catch (ConnectException e) {
      return failed("connect", "cannot connect to " + host + portPart + ": " + e.getMessage());
    } catch (IOException | RuntimeException e) {
      if (expired.get()) {
        return failed(
            "timeout",
            "the policy fetch from " + host + " took over " + timeout.toMillis() + " ms");
      }
      return failed("error", "fetching the policy from " + host + ": " + e);
    } finally {
      get.cancel();
    }
  }

  private static Fetched read(ClassicHttpResponse response, String host) throws IOException {
    int status = response.getCode();
    if (status >= 300 && status < 400) {
      String location =
          response.getFirstHeader("Location") == null
              ? "?"
              : response.getFirstHeader("Location").getValue();
      return failed(
          "redirect",
          host
              + " answered "
              + status
              + " redirecting to "
              + PolicyParser.printable(location)
              + "; RFC 8461 forbids following redirects");
    }
    if (status != 200) {
      return failed("http_status", host + " answered HTTP " + status + ", not 200");
    }
    HttpEntity entity = response.getEntity();
    String type = entity == null || entity.getContentType() == null ? "" : entity.getContentType();
    if (!type.toLowerCase(Locale.ROOT).startsWith("text/plain")) {
      return failed(
          "content_type",
          "the policy is served as \"" + PolicyParser.printable(type) + "\", not text/plain");
    }
    try (InputStream in = entity.getContent()) {
      byte[] body = in.readNBytes(SIZE_LIMIT + 1);
      if (body.length > SIZE_LIMIT) {
        return failed("too_large", "the policy is larger than " + SIZE_LIMIT + " bytes");
      }
      return new Fetched(new String(body, StandardCharsets.UTF_8), null);
    }
  }

  private static CloseableHttpClient client(
      MtaStsSettings settings, DnsClient dns, Duration timeout) throws TlsSetupException {
    Timeout limit = Timeout.of(timeout);
    return HttpClients.custom()
        .setConnectionManager(
            PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(resolver(dns))
                .setTlsSocketStrategy(
                    ClientTlsStrategyBuilder.create()
                        .setSslContext(sslContext(settings))
                        .buildClassic())
                .setDefaultConnectionConfig(
                    ConnectionConfig.custom()
                        .setConnectTimeout(limit)
                        .setSocketTimeout(limit)
                        .build())
                .build())
        .disableRedirectHandling()
        .disableAutomaticRetries()
        .disableCookieManagement()
        .disableContentCompression()
        .setUserAgent("smtpwatch")
        .build();
  }

  private static SSLContext sslContext(MtaStsSettings settings) throws TlsSetupException {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(
          null,
          new TrustManager[] {
            settings.caFile() == null
                ? PkixTrust.jdkDefault()
                : PkixTrust.fromPemFile(settings.caFile())
          },
          null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new TlsSetupException("cannot set up TLS for the policy fetch: " + e.getMessage(), e);
    }
  }

  private static DnsResolver resolver(DnsClient dns) {
    return new DnsResolver() {
      @Override
      public InetAddress[] resolve(String host) throws UnknownHostException {
        List<InetAddress> addresses = CurrentDns.addresses(dns, host);
        return addresses.toArray(InetAddress[]::new);
      }

      @Override
      public String resolveCanonicalHostname(String host) {
        return host;
      }
    };
  }

  private static Fetched failed(String reason, String detail) {
    return new Fetched(null, new FetchFailure(reason, detail));
  }
}
