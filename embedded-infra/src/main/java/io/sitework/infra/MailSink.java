package io.sitework.infra;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

/**
 * Where the embedded default's e-mail goes: an SMTP server that keeps every message it accepts, and an
 * IMAP server to read them with any mail client (GreenMail, in this process, in memory). Nothing leaves
 * the machine. Authentication is off: SMTP takes mail for any address, and IMAP lets anyone log in as a
 * recipient's address with any password and read that recipient's mail.
 */
public final class MailSink implements AutoCloseable {

    public static final int DEFAULT_SMTP_PORT = 2525;
    public static final int DEFAULT_IMAP_PORT = 3143;

    private static final Logger log = LoggerFactory.getLogger(MailSink.class);

    private final GreenMail greenMail;
    private final String host;

    private MailSink(GreenMail greenMail, String host) {
        this.greenMail = greenMail;
        this.host = host;
    }

    /**
     * Starts SMTP and IMAP on {@code host} (e.g. 127.0.0.1). A port of 0 picks a free one; a port that is
     * taken fails here, naming it, rather than leaving a server that never accepts mail.
     */
    public static MailSink start(String host, int smtpPort, int imapPort) {
        requireFree(host, smtpPort, "SMTP");
        requireFree(host, imapPort, "IMAP");
        GreenMail greenMail = new GreenMail(new ServerSetup[]{setup(smtpPort, host, ServerSetup.PROTOCOL_SMTP),
                setup(imapPort, host, ServerSetup.PROTOCOL_IMAP)})
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        try {
            greenMail.start();
        } catch (RuntimeException e) {
            greenMail.stop();
            throw new IllegalStateException("Could not start the mail sink on " + host + " (SMTP " + smtpPort + ", IMAP "
                    + imapPort + "): " + e.getMessage(), e);
        }
        MailSink sink = new MailSink(greenMail, host);
        log.info("Mail sink: SMTP at {}:{}, IMAP at {}:{} (log in as the recipient's address, any password)",
                host, sink.smtpPort(), host, sink.imapPort());
        return sink;
    }

    private static ServerSetup setup(int port, String host, String protocol) {
        ServerSetup setup = new ServerSetup(port, host, protocol);
        return port == 0 ? setup.dynamicPort() : setup;
    }

    private static void requireFree(String host, int port, String what) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " (" + what + " of the mail sink) on " + host + " is already in use");
        }
    }

    public String host() {
        return host;
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    /** Every message accepted so far, in the order received. */
    public List<MimeMessage> receivedMessages() {
        return List.of(greenMail.getReceivedMessages());
    }

    /** Stops both servers; the mail they held is gone. Idempotent. */
    @Override
    public void close() {
        greenMail.stop();
    }
}
