package news.broadsheet.readers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import news.broadsheet.content.ArticleDraft;
import news.broadsheet.content.ArticleService;
import news.broadsheet.content.ArticleStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The newsletter through real SMTP: on publish, with unsubscribe headers, and exactly once across a crash. */
class NewsletterTest extends ReaderTest {

    @Autowired
    ArticleService articles;
    @Autowired
    TransactionTemplate transactions;

    long member(String email, String frequency) {
        return db.sql("""
                INSERT INTO members (email, newsletter, frequency, source, created_at, confirmed_at)
                VALUES (:email, TRUE, :frequency, 'test', 0, 1) RETURNING id""")
                .param("email", email).param("frequency", frequency).query(Long.class).single();
    }

    @Test
    void publishingAStoryMailsEachStorySubscribersWithOneClickUnsubscribe() throws Exception {
        member("each.story@readers.example", "EACH");
        member("digest.only@readers.example", "DAILY");
        long section = db.sql("SELECT id FROM sections ORDER BY id LIMIT 1").query(Long.class).single();
        long author = db.sql("SELECT id FROM authors ORDER BY id LIMIT 1").query(Long.class).single();
        articles.create(new ArticleDraft("harbour-ferry-returns-newsletter-test", section, "Harbour ferry returns", "The lead of the story.",
                "Body text.", "en", null, null, List.of(author), List.of(), List.of(), null, ArticleStatus.PUBLISHED,
                Instant.now(), null, null));

        List<MimeMessage> received = mailTo("each.story@readers.example", 1);
        assertThat(received).hasSize(1);
        MimeMessage mail = received.getFirst();
        assertThat(mail.getSubject()).isEqualTo("Harbour ferry returns");
        assertThat(text(mail)).contains("The lead of the story.").contains("/harbour-ferry-returns-newsletter-test")
                .contains("text/plain").contains("text/html");
        assertThat(mail.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        String unsubscribe = mail.getHeader("List-Unsubscribe")[0].replaceAll("^<http://localhost:\\d+|>$", "");
        assertThat(mailTo("digest.only@readers.example", 0)).as("digest readers wait for the digest")
                .extracting(MimeMessage::getSubject).doesNotContain("Harbour ferry returns");

        // RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click" to the URL, with no cookie and no CSRF token.
        assertThat(post(unsubscribe, fields("List-Unsubscribe", "One-Click")).statusCode()).isEqualTo(200);
        assertThat(db.sql("SELECT newsletter FROM members WHERE email = 'each.story@readers.example'").query(Boolean.class).single()).isFalse();
        assertThat(post(unsubscribe.substring(0, unsubscribe.length() - 8) + "AAAAAAAA", fields("List-Unsubscribe", "One-Click")).statusCode()).isEqualTo(400);
    }

    @Test
    void aMailingInterruptedMidBatchReachesEveryRemainingMemberExactlyOnce() {
        setting("readers.newsletter.batch-size", "3");
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(member("crash" + i + "@readers.example", "DAILY"));
        }
        long article = articleId(SHOWCASE);
        // As the sender left things when the server died: member 0 was sent, member 1 was claimed
        // (row written) but the crash came before SMTP; the rest were never reached.
        transactions.executeWithoutResult(status -> {
            long mailing = db.sql("""
                    INSERT INTO mailings (dedupe_key, frequency, subject, article_ids, created_at)
                    VALUES ('crash-test', 'DAILY', 'Crash test', :article, :now) RETURNING id""")
                    .param("article", Long.toString(article)).param("now", System.currentTimeMillis()).query(Long.class).single();
            db.sql("INSERT INTO deliveries (mailing_id, member_id, status, attempted_at) VALUES (:m, :a, 'SENT', 0), (:m, :b, 'SENDING', 0)")
                    .param("m", mailing).param("a", ids.get(0)).param("b", ids.get(1)).update();
        });
        for (int i = 2; i < 8; i++) {
            assertThat(crashTestMail(i, 1)).as("member " + i).hasSize(1);
        }
        waitForFinished("crash-test");
        // Running the job again (as after a second restart) sends nothing more.
        assertThat(db.sql("""
                SELECT COUNT(*) FROM deliveries d JOIN mailings m ON m.id = d.mailing_id JOIN members r ON r.id = d.member_id
                WHERE m.dedupe_key = 'crash-test' AND r.email LIKE 'crash%'""")
                .query(Long.class).single()).isEqualTo(8);
        for (int i = 0; i < 8; i++) {
            assertThat(crashTestMail(i, 0)).as("member " + i).hasSize(i < 2 ? 0 : 1);
        }
    }

    /** Only this mailing's messages: the daily digest may reach the same members meanwhile. */
    private static List<MimeMessage> crashTestMail(int member, int atLeast) {
        for (int attempt = 0; ; attempt++) {
            List<MimeMessage> mine = mailTo("crash" + member + "@readers.example", atLeast).stream().filter(m -> {
                try {
                    return "Crash test".equals(m.getSubject());
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

    private void waitForFinished(String key) {
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
