package news.broadsheet.readers;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import news.broadsheet.IntegrationTest;
import news.broadsheet.TestSmtp;
import news.broadsheet.content.ChangeEvent;
import news.broadsheet.content.ChangeLog;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/** Helpers for reader tests: form posts, settings that are restored afterwards, mail that arrived over SMTP. */
abstract class ReaderTest extends IntegrationTest {

    static final String SHOWCASE = "/world/ceasefire-talks-resume-in-geneva-as-aid-corridor-opens";

    @Autowired
    JdbcClient db;
    @Autowired
    ReaderSettings settings;
    @Autowired
    PasswordEncoder passwords;

    private final Map<String, String> changedSettings = new LinkedHashMap<>();

    void setting(String name, String value) {
        changedSettings.putIfAbsent(name, settings.raw().get(name));
        settings.put(name, value);
    }

    /** No newsletter goes out without the publisher's postal address; tests about that take it away again. */
    @BeforeEach
    void postalAddress() {
        if (settings.current().postalAddress().isEmpty()) {
            settings.put("readers.newsletter.postal-address", "The Harbour Gazette\n12 Quay Street\nPortsmouth PO1 2AB");
        }
    }

    @AfterEach
    void restoreSettings() {
        changedSettings.forEach(settings::put);
        changedSettings.clear();
    }

    @Autowired
    ChangeLog changes;
    @Autowired
    TransactionTemplate transaction;

    /** Tests that change an article's rows directly announce it, as the newsroom's write path does. */
    void announceChanged(long articleId) {
        transaction.executeWithoutResult(status -> changes.record(ChangeEvent.Kind.ARTICLE_UPDATED, articleId));
    }

    long articleId(String path) {
        String slug = path.substring(path.lastIndexOf('/') + 1);
        return db.sql("SELECT id FROM articles WHERE slug = :slug").param("slug", slug).query(Long.class).single();
    }


    /** The page of a listing that shows a card for {@code articlePath}: other tests publish stories too, so it may not be the first. */
    Document listingPageWith(String listingPath, String articlePath) {
        Document listing = page(listingPath);
        for (int i = 0; i < 20 && listing.select(".card-title a[href=" + articlePath + "]").isEmpty(); i++) {
            var next = listing.selectFirst("a[rel=next]");
            if (next == null) {
                break;
            }
            listing = page(next.attr("href"));
        }
        return listing;
    }

    static Map<String, String> fields(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    static String formToken(Document doc, String formSelector) {
        return doc.selectFirst(formSelector + " input[name=formToken]").attr("value");
    }

    /** A confirmed member who wants the newsletter ({@code EACH} story or {@code DAILY}). */
    long member(String email, String frequency) {
        return db.sql("""
                INSERT INTO members (email, newsletter, frequency, source, created_at, confirmed_at)
                VALUES (:email, TRUE, :frequency, 'test', 0, 1) RETURNING id""")
                .param("email", email).param("frequency", frequency).query(Long.class).single();
    }

    private final List<Long> subscribers = new java.util.ArrayList<>();

    /** A member who unsubscribes after the test, so later tests' mailings do not reach them. */
    long subscriber(String email, String frequency) {
        long id = member(email, frequency);
        subscribers.add(id);
        return id;
    }

    @AfterEach
    void unsubscribeSubscribers() {
        subscribers.forEach(id -> db.sql("UPDATE members SET newsletter = FALSE WHERE id = :id").param("id", id).update());
        subscribers.clear();
    }

    /** A mailing of the showcase story to members who want the {@code DAILY} digest, subject = key. */
    long createMailing(String key) {
        return db.sql("""
                INSERT INTO mailings (dedupe_key, frequency, subject, article_ids, created_at)
                VALUES (:key, 'DAILY', :key, :article, :now) RETURNING id""")
                .param("key", key).param("article", Long.toString(articleId(SHOWCASE))).param("now", System.currentTimeMillis())
                .query(Long.class).single();
    }

    /** Creates an editor account and signs this test's client in as them. */
    void signInAsEditor(String email) {
        db.sql("""
                INSERT INTO staff (email, display_name, role, password_hash, created_at)
                VALUES (:email, 'Ed Itor', 'EDITOR', :hash, 0) ON CONFLICT (email) DO NOTHING""")
                .param("email", email).param("hash", passwords.encode("editor password 123")).update();
        Document login = page("/newsroom/login");
        var csrf = login.selectFirst("input[name^=_csrf]");
        var response = post("/newsroom/login", fields("email", email, "password", "editor password 123", csrf.attr("name"), csrf.attr("value")));
        if (!response.headers().firstValue("location").orElse("").endsWith("/newsroom")) {
            throw new AssertionError("editor sign-in failed");
        }
    }

    /** Public forms refuse submissions faster than a person types (a second). */
    static void pause() {
        try {
            Thread.sleep(1100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String newsroomCsrf(String path) {
        return page(path).selectFirst("input[name^=_csrf]").attr("value");
    }

    /** Messages GreenMail received for the address, waiting up to ten seconds for at least {@code atLeast}. */
    static List<MimeMessage> mailTo(String address, int atLeast) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            List<MimeMessage> mine = Arrays.stream(TestSmtp.SERVER.getReceivedMessages()).filter(m -> {
                try {
                    return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address));
                } catch (jakarta.mail.MessagingException e) {
                    return false;
                }
            }).toList();
            if (mine.size() >= atLeast || Instant.now().isAfter(deadline)) {
                return mine;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return mine;
            }
        }
    }

    static String text(MimeMessage message) {
        return com.icegreen.greenmail.util.GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
    }

    /** The first link in the message to the given path, made relative to this server. */
    static String link(MimeMessage message, String path) {
        Matcher m = Pattern.compile("http://localhost:\\d+(" + Pattern.quote(path) + "[^\\s\"<>]*)").matcher(text(message));
        if (!m.find()) {
            throw new AssertionError("No link to " + path + " in: " + text(message));
        }
        return m.group(1).replace("&amp;", "&");
    }
}
