package news.broadsheet.newsroom;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * The mails staff get: an invitation, a password-reset link, and word of a story moving through
 * the workflow or of a note naming them. Links are never logged.
 */
@Component
class StaffMail {

    private final JavaMailSender mail;
    private final NewsroomLinks links;
    private final String from;

    StaffMail(JavaMailSender mail, NewsroomLinks links, @Value("${broadsheet.mail.from}") String from) {
        this.mail = mail;
        this.links = links;
        this.from = from;
    }

    void invitation(String to, String inviterName, String siteName, String token) throws MailException {
        send(to, "You are invited to the " + siteName + " newsroom", """
                %s has invited you to join the %s newsroom.

                Choose your password here (the link works once, within 7 days):
                %s

                If you did not expect this, ignore this mail.
                """.formatted(inviterName, siteName, links.absolute("/newsroom/invitation?token=" + token)));
    }

    void passwordReset(String to, String siteName, String token) throws MailException {
        send(to, "Reset your " + siteName + " newsroom password", """
                Someone asked to reset the password of your %s newsroom account.

                Choose a new password here (the link works once, within an hour):
                %s

                Setting a new password signs you out everywhere. If you did not ask, ignore this mail.
                """.formatted(siteName, links.absolute("/newsroom/password-reset/new?token=" + token)));
    }

    void storySubmitted(String to, String submitter, String headline, long articleId) throws MailException {
        send(to, "For review: " + headline, """
                %s submitted a story for review:
                %s

                %s
                """.formatted(submitter, headline, storyLink(articleId)));
    }

    void storySentBack(String to, String editor, String headline, String reason, long articleId) throws MailException {
        send(to, "Back to draft: " + headline, """
                %s sent your story back to draft:
                %s

                Why:
                %s

                %s
                """.formatted(editor, headline, reason, storyLink(articleId)));
    }

    void storyPublished(String to, String headline, long articleId) throws MailException {
        send(to, "Published: " + headline, """
                Your story is published:
                %s

                %s
                """.formatted(headline, storyLink(articleId)));
    }

    void mentioned(String to, String writer, String headline, String note, long articleId) throws MailException {
        send(to, writer + " mentioned you on \u201c" + headline + "\u201d", """
                %s mentioned you in a note on the story \u201c%s\u201d:

                %s

                %s
                """.formatted(writer, headline, note, storyLink(articleId)));
    }

    private String storyLink(long articleId) {
        return links.absolute("/newsroom/articles/" + articleId);
    }

    private void send(String to, String subject, String text) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        mail.send(message);
    }
}
