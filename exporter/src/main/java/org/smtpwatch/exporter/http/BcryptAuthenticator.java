package org.smtpwatch.exporter.http;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * Basic auth against the bcrypt hashes of {@code web.basic_auth_users}. An unknown user costs as
 * much as a wrong password (a dummy hash of the same cost is checked), so response times do not
 * tell which user names exist. Passwords are never logged or kept; a login that passed is
 * remembered for a while as a keyed hash ({@link VerifiedCredentials}).
 */
final class BcryptAuthenticator extends BasicAuthenticator {

  static final String REALM = "smtpwatch";

  private final Map<String, String> users;
  private final String dummyHash;
  private final VerifiedCredentials verified;

  BcryptAuthenticator(Map<String, String> users, Clock clock) {
    super(REALM, StandardCharsets.UTF_8);
    this.users = Map.copyOf(users);
    this.dummyHash = dummyHash(costOf(users.values().iterator().next()));
    this.verified = new VerifiedCredentials(clock);
  }

  @Override
  public Result authenticate(HttpExchange exchange) {
    try {
      return super.authenticate(exchange);
    } catch (RuntimeException malformed) {
      // A header that is not "Basic base64(user:password)": the JDK throws; answer as to a
      // wrong password rather than with a broken connection.
      exchange
          .getResponseHeaders()
          .set("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
      return new Failure(401);
    }
  }

  @Override
  public boolean checkCredentials(String username, String password) {
    String hash = users.get(username);
    boolean known = hash != null;
    if (known && verified.recentlyVerified(username, password)) {
      return true;
    }
    boolean matches = matches(known ? hash : dummyHash, password);
    if (known && matches) {
      verified.remember(username, password);
    }
    return known && matches;
  }

  private static boolean matches(String hash, String password) {
    try {
      return OpenBSDBCrypt.checkPassword(hash, password.toCharArray());
    } catch (IllegalArgumentException tooLongOrMalformed) {
      return false;
    }
  }

  private static int costOf(String hash) {
    return Integer.parseInt(hash.substring(4, 6));
  }

  /** A hash of a random password nobody knows, at the cost the real hashes use. */
  private static String dummyHash(int cost) {
    SecureRandom random = new SecureRandom();
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    char[] password = new char[24];
    for (int i = 0; i < password.length; i++) {
      password[i] = (char) ('a' + random.nextInt(26));
    }
    return OpenBSDBCrypt.generate("2y", password, salt, cost);
  }
}
