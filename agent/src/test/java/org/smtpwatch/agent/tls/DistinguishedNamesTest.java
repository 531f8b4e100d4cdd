package org.smtpwatch.agent.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.junit.jupiter.api.Test;

class DistinguishedNamesTest {

  @Test
  void attributesBeyondRfc2253sKeywordsGetOpenSslsNames() throws IOException {
    X500Principal name =
        principal(
            new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "DE")
                .addRDN(BCStyle.STREET, "Main 1")
                .addRDN(BCStyle.SERIALNUMBER, "HRB 1")
                .addRDN(BCStyle.O, "Example GmbH")
                .addRDN(BCStyle.OU, "Mail, Ops")
                .addRDN(BCStyle.CN, "mail.example.com")
                .addRDN(BCStyle.EmailAddress, "hostmaster@example.com"));

    // What openssl x509 -noout -subject -nameopt RFC2253 prints for the same certificate.
    assertThat(DistinguishedNames.rfc2253(name))
        .isEqualTo(
            "emailAddress=hostmaster@example.com,CN=mail.example.com,OU=Mail\\, Ops,"
                + "O=Example GmbH,serialNumber=HRB 1,street=Main 1,C=DE");
  }

  @Test
  void anAttributeOpenSslDoesNotNameEitherStaysAnOid() throws IOException {
    X500Principal name =
        principal(
            new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"), "x")
                .addRDN(BCStyle.CN, "mail.example.com"));

    assertThat(DistinguishedNames.rfc2253(name))
        .startsWith("CN=mail.example.com,1.3.6.1.4.1.99999.1=#");
  }

  private static X500Principal principal(X500NameBuilder builder) throws IOException {
    return new X500Principal(builder.build().getEncoded());
  }
}
