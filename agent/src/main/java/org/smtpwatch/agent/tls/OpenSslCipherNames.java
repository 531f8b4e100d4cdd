package org.smtpwatch.agent.tls;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * OpenSSL's names for the cipher suites the JDK names by their IANA names. Postfix logs, {@code
 * openssl s_client} and most mail administrators' notes use OpenSSL's names for TLS 1.2 suites
 * ({@code ECDHE-RSA-AES256-GCM-SHA384} for {@code TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384}); TLS 1.3
 * suites have one name in both. The table is data made from {@code openssl ciphers -stdname} (see
 * the resource's header), a fixed registry like an enum, not state.
 */
public final class OpenSslCipherNames {

  private static final String RESOURCE = "openssl-cipher-names.txt";
  private static final Map<String, String> BY_IANA_NAME = load();

  private OpenSslCipherNames() {}

  /** OpenSSL's name of the suite the JDK calls {@code ianaName}, if OpenSSL knows it. */
  public static Optional<String> of(String ianaName) {
    return Optional.ofNullable(BY_IANA_NAME.get(ianaName));
  }

  private static Map<String, String> load() {
    Map<String, String> names = new HashMap<>();
    try (InputStream in = OpenSslCipherNames.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the jar");
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] pair = line.trim().split("\\s+");
        if (pair.length != 2) {
          throw new IllegalStateException(RESOURCE + ": not a name pair: " + line);
        }
        names.put(pair[0], pair[1]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(names);
  }
}
