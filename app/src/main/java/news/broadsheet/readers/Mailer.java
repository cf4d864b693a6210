package news.broadsheet.readers;
import java.util.IdentityHashMap;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import news.broadsheet.platform.BroadsheetProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Every message readers receive: plain text and HTML alternatives, from the configured sender. */
@Component
class Mailer {

    /** One message. {@code unsubscribeUrl} adds the RFC 2369 / RFC 8058 one-click headers. */
    record Mail(String to, String subject, String text, String html, String unsubscribeUrl) {
    }

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

    Mailer(JavaMailSender sender, @Value("${broadsheet.mail.from}") String from, BroadsheetProperties properties,
           Environment environment) {
        this.sender = sender;
        this.from = from;
        this.properties = properties;
        this.environment = environment;
    }

    void send(Mail mail) {
        sender.send(message(mail));
    }

    /**
     * Sends a batch over one SMTP connection (Spring's {@code send(MimeMessage...)} keeps the
     * transport open across messages); what did not go out lands in {@code failed} with its cause.
     */
    <K> void sendAll(Map<K, Mail> mails, Map<K, Exception> failed) {
        Map<MimeMessage, K> keys = new IdentityHashMap<>();
        mails.forEach((key, mail) -> keys.put(message(mail), key));
        try {
            sender.send(keys.keySet().toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            e.getFailedMessages().forEach((message, cause) -> failed.put(keys.get(message), cause));
            if (e.getFailedMessages().isEmpty()) {
                keys.values().forEach(key -> failed.put(key, e));
            }
        }
    }

    MimeMessage message(Mail mail) {
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(mail.to());
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
            if (mail.unsubscribeUrl() != null) {
                message.setHeader("List-Unsubscribe", "<" + mail.unsubscribeUrl() + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
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
