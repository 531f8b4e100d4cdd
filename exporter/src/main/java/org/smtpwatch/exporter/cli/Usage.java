package org.smtpwatch.exporter.cli;

/** The text of {@code smtpwatch --help}: every verb and flag, in one place so it stays in step. */
public final class Usage {

  private Usage() {}

  public static String text() {
    return """
        Usage: smtpwatch [run] --config FILE
               smtpwatch check-config FILE
               smtpwatch probe HOST:PORT [options]
               smtpwatch demo
               smtpwatch --version | --help

        Probes the SMTP ports of mail servers (25, 465, 587, 2525) and exports
        what it finds as Prometheus metrics.

        Commands:
          run --config FILE     probe every configured endpoint on its schedule, log
                                every change of state and serve HTTP on the
                                config's listen address (default :10785): / status
                                page, /metrics, /probe?target=HOST:PORT,
                                /-/healthy, /-/ready, POST /-/reload; SIGHUP
                                reloads the file; the default when the first
                                argument is a flag
          check-config FILE     validate a config file and exit
          probe HOST:PORT       probe one endpoint now and report every phase, the
                                TLS session and the certificate
          demo                  start a mail server on loopback (ports shaped like
                                25, 465, 587, 2525, a fresh certificate), probe it
                                on schedule and serve the status page and /metrics
                                on http://127.0.0.1:10785/ (a free port if that is
                                taken; the URLs are printed); no mail server or
                                config needed

        Probe options:
          --mode plain|starttls|tls
                                how to talk to the port; default from the port:
                                starttls on 25, 587 and 2525, tls on 465; any
                                other port needs --mode
          --timeout DURATION    whole-probe deadline: 500ms, 10s, 1m (default 15s)
          --ca-file FILE        trust the PEM certificates in FILE, not the JDK's
          --server-name NAME    name sent as SNI and checked against the
                                certificate (default: HOST)
          --no-verify           report certificate problems without failing
          --ocsp-query          also ask the OCSP responder the certificate names
                                (a third party, contacted from this machine)
          --ehlo-name NAME      name sent with EHLO (default: this machine's fully
                                qualified name, else localhost.localdomain)
          -4, -6                prefer HOST's IPv4 or IPv6 addresses
          --user NAME           after the probe, log in as NAME on a new
                                connection (over TLS only)
          --password-file FILE  the password for --user: the file's first line;
                                the file must be readable by its owner only
          --password-env VAR    the password for --user, from an environment
                                variable (instead of --password-file)
          --json                print one JSON object instead of the report
          --transcript          print the SMTP dialogue before the report; with
                                --json it goes to stderr, so stdout stays JSON

          HOST is a name, an IPv4 address, or an IPv6 address in brackets:
          [::1]:25. Flags may also be written --flag=VALUE.

        Options:
          --version             print the version and exit
          -h, --help            print this help and exit

        Exit status: 0 success, 1 probe failed or HTTP address unusable, 2 usage
        error or invalid config.
        Logs go to stderr; stdout carries only command output.
        """;
  }
}
