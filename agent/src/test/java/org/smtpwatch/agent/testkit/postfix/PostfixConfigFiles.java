package org.smtpwatch.agent.testkit.postfix;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The text of a private instance's {@code main.cf} and {@code master.cf}. Written from scratch, not
 * copied from {@code /etc/postfix}: the system's files are not the test's to depend on, and a CI
 * machine installs the package without any configuration. Nothing is chrooted, so every path can
 * stay inside the instance directory.
 */
final class PostfixConfigFiles {

  /**
   * Postfix's own services, as in Debian's {@code master.cf} but with chroot off everywhere. The
   * stock {@code smtp inet} listener is left out: a private instance never listens on port 25.
   */
  private static final List<String> SERVICES =
      List.of(
          "pickup    unix  n       -       n       60      1       pickup",
          "cleanup   unix  n       -       n       -       0       cleanup",
          "qmgr      unix  n       -       n       300     1       qmgr",
          "tlsmgr    unix  -       -       n       1000?   1       tlsmgr",
          "rewrite   unix  -       -       n       -       -       trivial-rewrite",
          "bounce    unix  -       -       n       -       0       bounce",
          "defer     unix  -       -       n       -       0       bounce",
          "trace     unix  -       -       n       -       0       bounce",
          "verify    unix  -       -       n       -       1       verify",
          "flush     unix  n       -       n       1000?   0       flush",
          "proxymap  unix  -       -       n       -       -       proxymap",
          "proxywrite unix -       -       n       -       1       proxymap",
          "smtp      unix  -       -       n       -       -       smtp",
          "relay     unix  -       -       n       -       -       smtp",
          "showq     unix  n       -       n       -       -       showq",
          "error     unix  -       -       n       -       -       error",
          "retry     unix  -       -       n       -       -       error",
          "discard   unix  -       -       n       -       -       discard",
          "local     unix  -       n       n       -       -       local",
          "virtual   unix  -       n       n       -       -       virtual",
          "lmtp      unix  -       -       n       -       -       lmtp",
          "anvil     unix  -       -       n       -       1       anvil",
          "scache    unix  -       -       n       -       1       scache",
          "postlog   unix-dgram n  -       n       -       1       postlogd");

  private PostfixConfigFiles() {}

  static String mainCf(
      InstanceDirectory dir,
      String hostName,
      String mailDomain,
      InstanceDirectory.MailOwner owner) {
    Map<String, String> main = new TreeMap<>();
    main.put("compatibility_level", "3.6");
    main.put("queue_directory", dir.queue().toString());
    main.put("data_directory", dir.data().toString());
    main.put("mail_owner", "postfix");
    main.put("inet_interfaces", "loopback-only");
    main.put("inet_protocols", "ipv4");
    main.put("myhostname", hostName);
    main.put("mydomain", mailDomain);
    main.put("myorigin", "$myhostname");
    main.put("mydestination", "");
    main.put("mynetworks", "127.0.0.1/32");
    main.put("alias_maps", "");
    main.put("alias_database", "");
    main.put("smtpd_banner", "$myhostname ESMTP $mail_name");
    main.put("maillog_file", dir.maillog().toString());
    main.put("maillog_file_prefixes", dir.root().toString());
    main.put("smtpd_tls_chain_files", dir.serverPem().toString());
    main.put("smtpd_tls_security_level", "may");
    main.put("smtpd_tls_loglevel", "1");
    main.put("smtpd_sasl_type", "dovecot");
    main.put("smtpd_sasl_path", dir.authSocket().toString());
    main.put("smtpd_sasl_auth_enable", "no");
    // Relaying only for authenticated clients; mail for the virtual domain is accepted from anyone.
    main.put("smtpd_relay_restrictions", "permit_sasl_authenticated, reject_unauth_destination");
    main.put("virtual_mailbox_domains", mailDomain);
    main.put("virtual_mailbox_base", dir.mail().toString());
    main.put("virtual_mailbox_maps", "texthash:" + dir.virtualMailboxes());
    main.put("virtual_uid_maps", "static:" + owner.uid());
    main.put("virtual_gid_maps", "static:" + owner.gid());
    StringBuilder text = new StringBuilder("# written by smtpwatch's PostfixInstance\n");
    main.forEach((name, value) -> text.append(name).append(" = ").append(value).append('\n'));
    return text.toString();
  }

  static String masterCf(
      String address,
      Map<PostfixListener, Integer> ports,
      Map<PostfixListener, ListenerSettings> settings) {
    List<String> lines = new ArrayList<>();
    lines.add("# written by smtpwatch's PostfixInstance");
    for (PostfixListener listener : PostfixListener.values()) {
      ListenerSettings current = settings.get(listener);
      if (!current.running()) {
        continue;
      }
      lines.add(address + ":" + ports.get(listener) + " inet n - n - - smtpd");
      Map<String, String> options = new TreeMap<>();
      for (String option : listener.options()) {
        int equals = option.indexOf('=');
        options.put(option.substring(0, equals), option.substring(equals + 1));
      }
      options.putAll(current.overrides());
      // The braced form allows spaces and commas in a value.
      options.forEach((name, value) -> lines.add("  -o { " + name + " = " + value + " }"));
    }
    lines.addAll(SERVICES);
    return String.join("\n", lines) + "\n";
  }
}
