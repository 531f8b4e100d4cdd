package org.smtpwatch.agent.ocsp;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Asks the OCSP responder named in the leaf certificate (RFC 6960 over HTTP POST, appendix A.1)
 * about it, with a fresh nonce (RFC 8954). Redirects are not followed, the answer may be at most
 * {@value #MAX_RESPONSE_BYTES} bytes, and the whole exchange ends by the deadline given. Never
 * throws: a failed query is an {@link OcspResult} with status {@code unavailable}. Thread-safe; the
 * HTTP client (and its selector thread) is made on the first query.
 */
public final class OcspQuery {

  /** Real responses are a few kilobytes; some include a certificate chain. */
  static final int MAX_RESPONSE_BYTES = 64 * 1024;

  private static final int NONCE_BYTES = 16;

  private final OcspResponseCheck check;
  private final SecureRandom random = new SecureRandom();
  private volatile HttpClient client;

  public OcspQuery(OcspResponseCheck check) {
    this.check = check;
  }

  /** Queries the responder of {@code subject}'s leaf within {@code timeout}. */
  public OcspResult query(OcspSubject subject, Duration timeout) {
    String url = subject.responderUrl().orElse(null);
    if (url == null) {
      return OcspResult.of(
          OcspStatus.NO_RESPONDER, "the certificate names no OCSP responder (no AIA OCSP URL)");
    }
    if (subject.issuer() == null) {
      return check.check(new byte[0], subject, null).from(url);
    }
    return ask(subject, url, timeout).from(url);
  }

  private OcspResult ask(OcspSubject subject, String url, Duration timeout) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return OcspResult.of(OcspStatus.NO_RESPONDER, "the responder URL is not valid: " + url);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return OcspResult.of(OcspStatus.NO_RESPONDER, "the responder URL is not http: " + url);
    }
    if (timeout.toMillis() < 1) {
      return OcspResult.of(OcspStatus.UNAVAILABLE, "no time left in the probe's deadline");
    }
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] request;
    byte[] nonceValue;
    try {
      nonceValue = new DEROctetString(nonce).getEncoded();
      request = request(subject, nonceValue);
    } catch (CertificateEncodingException
        | OperatorCreationException
        | OCSPException
        | IOException e) {
      return OcspResult.of(OcspStatus.MALFORMED, "cannot build the request: " + e.getMessage());
    }
    Fetched fetched = fetch(uri, request, timeout);
    return fetched.failure() != null
        ? fetched.failure()
        : check.check(fetched.body(), subject, nonceValue);
  }

  /** The response body, or why there is none. */
  private record Fetched(byte[] body, OcspResult failure) {
    static Fetched failed(String detail) {
      return new Fetched(null, OcspResult.of(OcspStatus.UNAVAILABLE, detail));
    }
  }

  private static byte[] request(OcspSubject subject, byte[] nonceValue)
      throws CertificateEncodingException, OperatorCreationException, OCSPException, IOException {
    CertificateID id =
        new CertificateID(
            new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
            new JcaX509CertificateHolder(subject.issuer()),
            subject.leaf().getSerialNumber());
    return new OCSPReqBuilder()
        .addRequest(id)
        .setRequestExtensions(
            new Extensions(
                new Extension(
                    OCSPObjectIdentifiers.id_pkix_ocsp_nonce,
                    false,
                    new DEROctetString(nonceValue))))
        .build()
        .getEncoded();
  }

  private Fetched fetch(URI uri, byte[] request, Duration timeout) {
    HttpRequest post =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Content-Type", "application/ocsp-request")
            .header("Accept", "application/ocsp-response")
            .POST(HttpRequest.BodyPublishers.ofByteArray(request))
            .build();
    CompletableFuture<HttpResponse<byte[]>> pending =
        client().sendAsync(post, info -> new LimitedBody(MAX_RESPONSE_BYTES));
    try {
      // The request timeout covers the wait for the headers only; this bounds the body too.
      HttpResponse<byte[]> response = pending.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      if (response.statusCode() != 200) {
        return Fetched.failed(
            "the responder answered HTTP "
                + response.statusCode()
                + (response.statusCode() / 100 == 3 ? " (redirects are not followed)" : ""));
      }
      return new Fetched(response.body(), null);
    } catch (TimeoutException e) {
      pending.cancel(true);
      return Fetched.failed("no response within " + timeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      if (cause instanceof HttpTimeoutException) {
        return Fetched.failed("no response within " + timeout.toMillis() + " ms");
      }
      return Fetched.failed(
          "query failed: "
              + (cause.getMessage() != null
                  ? cause.getMessage()
                  : cause.getClass().getSimpleName()));
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      return Fetched.failed("interrupted");
    }
  }

  private HttpClient client() {
    HttpClient made = client;
    if (made == null) {
      synchronized (this) {
        if (client == null) {
          client =
              HttpClient.newBuilder()
                  .followRedirects(HttpClient.Redirect.NEVER)
                  .connectTimeout(Duration.ofSeconds(10))
                  .build();
        }
        made = client;
      }
    }
    return made;
  }
}
