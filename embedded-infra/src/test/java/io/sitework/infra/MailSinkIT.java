package io.sitework.infra;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailSinkIT {

    @Test
    void mailSentOverSmtpIsKeptAndReadableOverImapAsTheRecipient() throws Exception {
        try (MailSink sink = MailSink.start("127.0.0.1", 0, 0)) {
            Properties smtp = new Properties();
            smtp.put("mail.smtp.host", sink.host());
            smtp.put("mail.smtp.port", String.valueOf(sink.smtpPort()));
            MimeMessage message = new MimeMessage(Session.getInstance(smtp));
            message.setFrom(new InternetAddress("sitework@localhost"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("anna@example.test"));
            message.setSubject("Probe");
            message.setText("Hello");
            Transport.send(message);

            assertThat(sink.receivedMessages()).singleElement().satisfies(m -> assertThat(m.getSubject()).isEqualTo("Probe"));
            Properties imap = new Properties();
            imap.put("mail.imap.host", sink.host());
            imap.put("mail.imap.port", String.valueOf(sink.imapPort()));
            Store store = Session.getInstance(imap).getStore("imap");
            store.connect("anna@example.test", "any password");
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                assertThat(inbox.getMessageCount()).isEqualTo(1);
                assertThat(inbox.getMessage(1).getSubject()).isEqualTo("Probe");
                inbox.close(false);
            } finally {
                store.close();
            }
        }
    }

    @Test
    void aTakenPortFailsNamingIt() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> MailSink.start("127.0.0.1", port, 0))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Port " + port)
                    .hasMessageContaining("SMTP");
        }
    }
}
