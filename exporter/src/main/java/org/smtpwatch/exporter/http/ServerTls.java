package org.smtpwatch.exporter.http;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.smtpwatch.config.WebConfig;

/**
 * HTTPS for the server: the {@code web:} certificate (re-read when it changes), TLS 1.2 or newer
 * only, no client certificates. The JDK's default cipher suites are kept: they are already limited
 * to forward-secret AEAD suites for TLS 1.2 and 1.3 on current JDKs.
 */
final class ServerTls extends HttpsConfigurator {

  private final List<String> protocols;

  private ServerTls(SSLContext context, List<String> protocols) {
    super(context);
    this.protocols = protocols;
  }

  static ServerTls of(WebConfig web) throws IOException, GeneralSecurityException {
    ReloadingKeyManager keyManager = new ReloadingKeyManager(web.tlsCertFile(), web.tlsKeyFile());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(new KeyManager[] {keyManager}, null, null);
    List<String> protocols =
        web.tlsMinVersion().equals("TLSv1.3") ? List.of("TLSv1.3") : List.of("TLSv1.3", "TLSv1.2");
    return new ServerTls(context, protocols);
  }

  @Override
  public void configure(HttpsParameters params) {
    SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
    ssl.setProtocols(protocols.toArray(new String[0]));
    ssl.setNeedClientAuth(false);
    params.setSSLParameters(ssl);
  }
}
