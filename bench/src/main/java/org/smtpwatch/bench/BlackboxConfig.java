package org.smtpwatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.smtpwatch.bench.fleet.FleetCertificates;

/**
 * blackbox_exporter modules doing what smtpwatch's probes do: greeting, EHLO, (STARTTLS, TLS with
 * the certificate verified against the fleet's CA and name, EHLO again,) QUIT. blackbox sends a
 * bare LF after each line; the "\r" makes it CR LF.
 */
final class BlackboxConfig {

  private BlackboxConfig() {}

  static Path write(Path file, Path caFile) throws IOException {
    String tls =
        "      tls_config: {ca_file: \""
            + caFile
            + "\", server_name: "
            + FleetCertificates.serverName()
            + "}\n";
    String ehlo =
        "        - send: \"EHLO " + AgentConfig.EHLO_NAME + "\\r\"\n        - expect: \"^250 \"\n";
    String quit = "        - send: \"QUIT\\r\"\n        - expect: \"^221 \"\n";
    String yaml =
        "modules:\n"
            + module("smtp_plain", false, "")
            + "        - expect: \"^220 \"\n"
            + ehlo
            + quit
            + module("smtp_starttls", false, tls)
            + "        - expect: \"^220 \"\n"
            + "        - send: \"EHLO "
            + AgentConfig.EHLO_NAME
            + "\\r\"\n"
            + "        - expect: \"^250-STARTTLS\"\n"
            + "        - expect: \"^250 \"\n"
            + "        - send: \"STARTTLS\\r\"\n"
            + "        - expect: \"^220 \"\n"
            + "        - starttls: true\n"
            + ehlo
            + quit
            + module("smtp_tls", true, tls)
            + "        - expect: \"^220 \"\n"
            + ehlo
            + quit;
    return Files.writeString(file, yaml);
  }

  private static String module(String name, boolean implicitTls, String tls) {
    return "  "
        + name
        + ":\n    prober: tcp\n    timeout: 10s\n    tcp:\n      preferred_ip_protocol: ip4\n"
        + (implicitTls ? "      tls: true\n" : "")
        + tls
        + "      query_response:\n";
  }
}
