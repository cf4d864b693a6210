package news.broadsheet.readers;

import java.io.IOException;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import news.broadsheet.platform.BroadsheetProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/** Every message readers receive: plain text and HTML alternatives, from the configured sender. */
@Component
class Mailer {

    /**
     * One message. {@code unsubscribeUrl} marks it as newsletter mail: it adds the RFC 2369 /
     * RFC 8058 one-click headers and the List-Id.
     */
    record Mail(String to, String subject, String text, String html, String unsubscribeUrl) {
    }

    /**
     * Signed headers (RFC 6376 5.4). Each is named once more than it occurs, and absent ones too,
     * so that nobody on the way can add a second From, Subject or unsubscribe address unnoticed.
     */
    private static final String SIGNED_HEADERS = String.join(":", "from", "from", "to", "to", "subject", "subject", "date", "date",
            "message-id", "message-id", "mime-version", "content-type", "content-transfer-encoding", "reply-to", "cc",
            "list-unsubscribe", "list-unsubscribe", "list-unsubscribe-post", "list-unsubscribe-post", "list-id", "list-id",
            "feedback-id", "feedback-id");

    static {
        // Jakarta Mail looks its StreamProvider up with a ServiceLoader scan of the whole (fat) jar
        // for EVERY multipart message unless this property names it: that scan was most of the
        // CPU time of a newsletter send. Only set when the operator has not chosen another.
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
            System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final JavaMailSender sender;
    private final String from;
    private final BroadsheetProperties properties;
    private final Environment environment;

    private final DkimKeys keys;
    private final ReaderSettings settings;

    Mailer(JavaMailSender sender, @Value("${broadsheet.mail.from}") String from, BroadsheetProperties properties,
           Environment environment, DkimKeys keys, ReaderSettings settings) {
        this.sender = sender;
        this.from = from;
        this.properties = properties;
        this.environment = environment;
        this.keys = keys;
        this.settings = settings;
    }

    void send(Mail mail) {
        String signer = signingDomain();
        MimeMessage message = fill(sender.createMimeMessage(), mail, signer);
        try {
            message.saveChanges();
            Session session = sender instanceof JavaMailSenderImpl configured ? configured.getSession()
                    : Session.getInstance(new java.util.Properties());
            sender.send(signed(session, message, signer));
        } catch (MessagingException e) {
            throw new org.springframework.mail.MailPreparationException(e.getMessage(), e);
        }
    }

    /** The d= of every signature: the setting, or the sender address's domain. */
    String signingDomain() {
        String configured = settings.current().dkimDomain();
        return configured.isEmpty() ? domain(from) : configured;
    }

    /**
     * The message as bytes with a DKIM-Signature (relaxed/relaxed, rsa-sha256) in front, made by
     * jDKIM over exactly the bytes that go out: the returned message is never encoded again.
     */
    private MimeMessage signed(Session session, MimeMessage message, String signer) throws MessagingException {
        try {
            java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream(8192);
            message.writeTo(raw);
            DkimKeys.Signing signing = keys.signing();
            String template = "v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + signer + "; s=" + signing.key().selector()
                    + "; h=" + SIGNED_HEADERS + "; bh=; b=;";
            String signature = new org.apache.james.jdkim.DKIMSigner(template, signing.privateKey())
                    .sign(new java.io.ByteArrayInputStream(raw.toByteArray()));
            byte[] header = (signature + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            byte[] all = new byte[header.length + raw.size()];
            System.arraycopy(header, 0, all, 0, header.length);
            System.arraycopy(raw.toByteArray(), 0, all, header.length, raw.size());
            return new Signed(session, all);
        } catch (IOException | org.apache.james.jdkim.exceptions.FailException e) {
            throw new MessagingException("Cannot DKIM-sign the message: " + e.getMessage(), e);
        }
    }

    /** Signed bytes are final: saving again would re-encode parts and break the body hash. */
    private static final class Signed extends MimeMessage {
        Signed(Session session, byte[] raw) throws MessagingException {
            super(session, new java.io.ByteArrayInputStream(raw));
        }

        @Override
        public void saveChanges() {
            // already saved, and signed
        }
    }

    /** What the SMTP server answered to one message; {@code code} 0 when the connection failed without a reply. */
    record Reply(int code, String text) {
        boolean accepted() {
            return code / 100 == 2;
        }
    }

    /**
     * Opens one SMTP connection for sending messages one by one, with the same host, port and
     * credentials as the configured {@link JavaMailSender}.
     */
    Connection connect() throws MessagingException {
        if (!(sender instanceof JavaMailSenderImpl configured)) {
            throw new IllegalStateException("The newsletter needs Spring's JavaMailSenderImpl, not " + sender.getClass());
        }
        Session session = configured.getSession();
        String protocol = configured.getProtocol() == null ? "smtp" : configured.getProtocol();
        Connection connection = new Connection(session, protocol, domain(from), signingDomain());
        connection.transport.connect(configured.getHost(), configured.getPort(), configured.getUsername(), configured.getPassword());
        return connection;
    }

    /**
     * One open SMTP connection. {@link #send} runs {@code beforeDot} after the whole message has
     * been written but before the "." that ends DATA: up to that moment the server cannot have
     * accepted the message, from the next one on it may have.
     */
    final class Connection implements AutoCloseable {

        private final Transport transport;
        private final Session session;
        private final String domain;
        /** Read once per connection: the settings query would otherwise run for every message. */
        private final String signer;

        private Connection(Session session, String protocol, String domain, String signer) {
            this.session = session;
            this.domain = domain;
            this.signer = signer;
            this.transport = new Transport(session, protocol);
        }

        /**
         * The server's reply to the message; throws when the connection broke (the reply is then
         * unknown). {@code feedbackId} names the mailing for the Feedback-ID header, which mailbox
         * providers' complaint reports are grouped by.
         */
        Reply send(Mail mail, String messageId, String feedbackId, Runnable beforeDot) throws MessagingException {
            MimeMessage message = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", "<" + messageId + "@" + domain + ">");
                }
            };
            fill(message, mail, signer);
            message.setHeader("Feedback-ID", feedbackId + ":newsletter:" + signer);
            message.saveChanges();
            MimeMessage signed = signed(session, message, signer);
            transport.beforeDot = beforeDot;
            try {
                transport.sendMessage(signed, new InternetAddress[] {new InternetAddress(mail.to())});
                return new Reply(transport.getLastReturnCode(), transport.getLastServerResponse());
            } catch (MessagingException e) {
                for (Throwable t = e; t != null; t = t.getCause()) { // a MessagingException's cause is its next exception
                    if (t instanceof SMTPAddressFailedException rejected) {
                        return new Reply(rejected.getReturnCode(), rejected.getMessage());
                    }
                    if (t instanceof SMTPSendFailedException rejected && rejected.getReturnCode() > 0) {
                        return new Reply(rejected.getReturnCode(), rejected.getMessage());
                    }
                }
                throw e;
            } finally {
                transport.beforeDot = null;
            }
        }

        @Override
        public void close() {
            try {
                transport.close();
            } catch (MessagingException e) {
                // the messages' outcomes are recorded already; a failing QUIT changes none of them
            }
        }
    }

    /** Angus Mail's SMTP transport with a hook in front of the final ".". */
    private static final class Transport extends SMTPTransport {
        private Runnable beforeDot;

        Transport(Session session, String protocol) {
            super(session, new URLName(protocol, null, -1, null, null, null), protocol, "smtps".equals(protocol));
        }

        @Override
        protected void finishData() throws IOException, MessagingException {
            if (beforeDot != null) {
                beforeDot.run();
            }
            super.finishData();
        }
    }

    private static String domain(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? "localhost" : address.substring(at + 1).replaceAll("[>\\s]", "");
    }

    /**
     * Built by hand rather than with Spring's MimeMessageHelper: for a message not created by the
     * sender, the helper loads the MIME types file from the classpath every time, which was most
     * of a newsletter's CPU time.
     */
    private MimeMessage fill(MimeMessage message, Mail mail, String signer) {
        try {
            message.setFrom(new InternetAddress(from, true));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
            message.setSubject(mail.subject(), "UTF-8");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), "UTF-8");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.html(), "UTF-8", "html");
            // Named up front, the encoding is not chosen by scanning each part again on every save.
            text.setHeader("Content-Transfer-Encoding", "quoted-printable");
            html.setHeader("Content-Transfer-Encoding", "quoted-printable");
            message.setContent(new MimeMultipart("alternative", text, html));
            if (mail.unsubscribeUrl() != null) {
                message.setHeader("List-Unsubscribe", "<" + mail.unsubscribeUrl() + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
                message.setHeader("List-Id", "Newsletter <newsletter." + signer + ">");
            }
            message.setSentDate(new java.util.Date());
            return message;
        } catch (MessagingException e) {
            throw new org.springframework.mail.MailPreparationException(e.getMessage(), e);
        }
    }

    /** Absolute links in mail: the public URL, or this server when none is configured. */
    String link(String path) {
        String base = properties.publicUrl().isEmpty()
                ? "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"))
                : properties.publicUrl();
        return base + path;
    }

    static String escape(String text) {
        return org.springframework.web.util.HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
    }

    static boolean isMailFailure(RuntimeException e) {
        return e instanceof MailException;
    }
}
