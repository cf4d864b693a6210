package news.broadsheet.readers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import news.broadsheet.content.ArticleDraft;
import news.broadsheet.content.ArticleService;
import news.broadsheet.content.ArticleStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The newsletter through real SMTP: on publish, with unsubscribe headers, and exactly once across a crash. */
class NewsletterTest extends ReaderTest {

    @Autowired
    ArticleService articles;
    @Autowired
    Newsletter newsletter;
    @Autowired
    Mailer mailer;

    @Test
    void publishingAStoryMailsEachStorySubscribersWithOneClickUnsubscribe() throws Exception {
        member("each.story@readers.example", "EACH");
        member("digest.only@readers.example", "DAILY");
        long section = db.sql("SELECT id FROM sections ORDER BY id LIMIT 1").query(Long.class).single();
        long author = db.sql("SELECT id FROM authors ORDER BY id LIMIT 1").query(Long.class).single();
        long id = articles.create(new ArticleDraft("harbour-ferry-returns-newsletter-test", section, "Harbour ferry returns", "The lead of the story.",
                "Body text.", "en", null, null, List.of(author), List.of(), List.of(), null, ArticleStatus.DRAFT, null, null, null));
        articles.changeStatus(id, articles.forEditing(id).orElseThrow().article().version(), ArticleStatus.PUBLISHED, null, true, "Newsletter Test");

        List<MimeMessage> received = mailTo("each.story@readers.example", 1);
        assertThat(received).hasSize(1);
        MimeMessage mail = received.getFirst();
        assertThat(mail.getSubject()).isEqualTo("Harbour ferry returns");
        assertThat(text(mail)).contains("The lead of the story.").contains("/harbour-ferry-returns-newsletter-test")
                .contains("text/plain").contains("text/html");
        assertThat(mail.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(mail.getMessageID()).as("one id per (mailing, member), the same on a resend")
                .matches("<newsletter\\.\\d+\\.\\d+@localhost>");
        String unsubscribe = mail.getHeader("List-Unsubscribe")[0].replaceAll("^<http://localhost:\\d+|>$", "");
        assertThat(mailTo("digest.only@readers.example", 0)).as("digest readers wait for the digest")
                .extracting(MimeMessage::getSubject).doesNotContain("Harbour ferry returns");

        // RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click" to the URL, with no cookie and no CSRF token.
        assertThat(post(unsubscribe, fields("List-Unsubscribe", "One-Click")).statusCode()).isEqualTo(200);
        assertThat(db.sql("SELECT newsletter FROM members WHERE email = 'each.story@readers.example'").query(Boolean.class).single()).isFalse();
        assertThat(post(unsubscribe.substring(0, unsubscribe.length() - 8) + "AAAAAAAA", fields("List-Unsubscribe", "One-Click")).statusCode()).isEqualTo(400);
    }

    /** Stands in for kill -9: thrown at a fault point, it stops the sender where it is. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash", null, false, false);
        }
    }

    @ParameterizedTest(name = "crash at {0}")
    @EnumSource(Newsletter.Fault.class)
    void aMailingInterruptedMidBatchAndRestartedReachesEveryMemberExactlyOnce(Newsletter.Fault point) throws Exception {
        setting("readers.newsletter.batch-size", "3");
        setting("readers.newsletter.rate-per-second", "0");
        String key = "crash-test-" + point;
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(member(point + "." + i + "@crash.example", "DAILY"));
        }
        long victim = ids.get(4); // in the middle of the second batch
        long mailing;
        Newsletter.NODE_SENDER.lock(); // keeps the application's own sender off the mailing until the "restart"
        try {
            mailing = createMailing(key);
            String victimMessage = Newsletter.messageId(mailing, victim);
            Newsletter crashing = newsletter.withMailer(mailer, (fault, messageId) -> {
                if (fault == point && messageId.equals(victimMessage)) {
                    throw new SimulatedCrash();
                }
            });
            assertThatThrownBy(crashing::sendPendingAfterCurrentRun).isInstanceOf(SimulatedCrash.class);
            assertThat(status(mailing, victim)).isEqualTo(point == Newsletter.Fault.CLAIMED ? "SENDING" : "UNCERTAIN");
        } finally {
            Newsletter.NODE_SENDER.unlock();
        }

        newsletter.sendPendingAfterCurrentRun(); // the restart
        waitForFinished(key);
        for (int i = 0; i < 8; i++) {
            List<MimeMessage> received = crashTestMail(point + "." + i + "@crash.example", key, 1);
            assertThat(received).as("member " + i).hasSize(1);
            assertThat(received.getFirst().getMessageID()).isEqualTo("<newsletter." + mailing + "." + ids.get(i) + "@localhost>");
        }
        // The victim's row says what is known: resent (attempt 2) when it had not reached SMTP; in
        // doubt, and left alone, when the server had accepted it but the sender died before recording so.
        assertThat(status(mailing, victim)).isEqualTo(point == Newsletter.Fault.CLAIMED ? "SENT" : "UNCERTAIN");
        assertThat(db.sql("SELECT attempts FROM deliveries WHERE mailing_id = :m AND member_id = :v").param("m", mailing).param("v", victim)
                .query(Integer.class).single()).isEqualTo(point == Newsletter.Fault.CLAIMED ? 2 : 1);
        assertThat(db.sql("SELECT COUNT(*) FROM deliveries WHERE mailing_id = :m AND member_id IN (:ids) AND status = 'SENT'")
                .param("m", mailing).param("ids", ids).query(Long.class).single()).isEqualTo(point == Newsletter.Fault.CLAIMED ? 8 : 7);

        newsletter.sendPendingAfterCurrentRun(); // a second restart sends nothing more
        for (int i = 0; i < 8; i++) {
            assertThat(crashTestMail(point + "." + i + "@crash.example", key, 0)).as("member " + i).hasSize(1);
        }
    }

    String status(long mailing, long member) {
        return db.sql("SELECT status FROM deliveries WHERE mailing_id = :m AND member_id = :v").param("m", mailing).param("v", member)
                .query(String.class).optional().orElse("none");
    }

    /** Only this mailing's messages: the daily digest may reach the same members meanwhile. */
    private static List<MimeMessage> crashTestMail(String address, String subject, int atLeast) {
        for (int attempt = 0; ; attempt++) {
            List<MimeMessage> mine = mailTo(address, atLeast).stream().filter(m -> {
                try {
                    return subject.equals(m.getSubject());
                } catch (jakarta.mail.MessagingException e) {
                    return false;
                }
            }).toList();
            if (mine.size() >= atLeast || attempt == 50) {
                return mine;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return mine;
            }
        }
    }

    void waitForFinished(String key) {
        for (int i = 0; i < 100; i++) {
            if (db.sql("SELECT COUNT(*) FROM mailings WHERE dedupe_key = :k AND finished_at IS NOT NULL").param("k", key).query(Long.class).single() > 0) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("mailing " + key + " did not finish");
    }
}
