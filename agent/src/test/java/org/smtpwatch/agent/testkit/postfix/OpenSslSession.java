package org.smtpwatch.agent.testkit.postfix;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code openssl s_client} saw of one TLS session: ground truth for the prober's TLS facts.
 *
 * @param protocol {@code TLSv1.3}, {@code TLSv1.2}, ...
 * @param cipher the IANA name ({@code TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256}), as the JDK and
 *     smtpwatch name it; OpenSSL's own TLS 1.2 names are translated with {@code openssl ciphers
 *     -stdname}
 * @param opensslCipher the name as {@code s_client} printed it ({@code
 *     ECDHE-RSA-AES256-GCM-SHA384})
 * @param verifyCode 0 when the chain verified against the given CA file (and the name matched, when
 *     one was given to check)
 * @param verifyMessage OpenSSL's text for {@code verifyCode}
 * @param chain what the server presented, leaf first, each described by {@code openssl x509}
 * @param replies the server's reply lines over TLS ({@code 220 ...}, {@code 250-...})
 */
public record OpenSslSession(
    String protocol,
    String cipher,
    String opensslCipher,
    int verifyCode,
    String verifyMessage,
    List<OpenSslCertificate> chain,
    List<String> replies) {

  public OpenSslSession {
    chain = List.copyOf(chain);
    replies = List.copyOf(replies);
  }

  /** The leaf certificate. */
  public OpenSslCertificate certificate() {
    return chain.get(0);
  }

  /** The greeting's first line without its code, when the session began with TLS. */
  public String banner() {
    return replies.stream()
        .filter(line -> line.startsWith("220"))
        .map(line -> line.substring(4))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no greeting among " + replies));
  }

  /** Upper-cased keywords of the EHLO reply sent over TLS. */
  public List<String> ehloKeywords() {
    List<String> keywords = new ArrayList<>();
    boolean first = true;
    for (String line : replies) {
      if (!line.startsWith("250")) {
        first = true;
        continue;
      }
      if (!first) {
        keywords.add(line.substring(4).split(" ")[0].toUpperCase(java.util.Locale.ROOT));
      }
      first = false;
      if (line.startsWith("250 ")) {
        break;
      }
    }
    return keywords;
  }
}
