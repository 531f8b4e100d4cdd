package org.smtpwatch.agent.probe;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.smtpwatch.config.SendSpec;

/**
 * The small message a probe sends: a unique Message-ID and an {@code X-Smtpwatch-Probe} header
 * carrying the same id, so mail filters can file or drop probe messages and a delivery can be
 * matched to the probe that sent it.
 */
final class ProbeMessage {

  static final String PROBE_HEADER = "X-Smtpwatch-Probe";

  private ProbeMessage() {}

  /** A fresh id: random, so two agents or two runs never collide. */
  static String newId() {
    return UUID.randomUUID().toString();
  }

  static String messageId(String id, String ehloName) {
    return "<smtpwatch." + id + "@" + ehloName + ">";
  }

  static MimeMessage build(Session session, SendSpec send, String id, String ehloName)
      throws MessagingException {
    String messageId = messageId(id, ehloName);
    MimeMessage message =
        new MimeMessage(session) {
          // MimeMessage would otherwise replace the Message-ID with its own on saveChanges.
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
          }
        };
    message.setFrom(new InternetAddress(send.from(), true));
    message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(send.to(), true));
    message.setSubject(send.subject(), "UTF-8");
    message.setSentDate(Date.from(Instant.now()));
    message.setHeader(PROBE_HEADER, id);
    message.setText(
        "This message was sent by smtpwatch to check that authenticated submission works.\n"
            + "Probe id: "
            + id
            + "\nFilter on the "
            + PROBE_HEADER
            + " header to file or discard these messages.\n",
        "UTF-8");
    message.saveChanges();
    return message;
  }
}
