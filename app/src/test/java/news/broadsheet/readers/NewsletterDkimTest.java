package news.broadsheet.readers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.mail.internet.MimeMessage;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every newsletter message is DKIM-signed, checked by Debian's python3-dkim (not our code) against
 * the public key the newsroom tells admins to publish, and the key rotates from the newsroom.
 */
class NewsletterDkimTest extends ReaderTest {

    private static final Path VERIFIER = Path.of("src/test/resources/readers/dkim_verify.py");

    @BeforeAll
    static void verifierPresent() throws Exception {
        Process probe = new ProcessBuilder("/usr/bin/python3", "-c", "import dkim").redirectErrorStream(true).start();
        assumeTrue(probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0, "python3-dkim is not installed (.ci/run installs it)");
    }

    @Test
    void aNewsletterMessageIsSignedOverItsUnsubscribeAndListHeaders() throws Exception {
        String reader = "dkim." + System.nanoTime() + "@r\u00e9sum\u00e9.example".replace("\u00e9", "e");
        subscriber(reader, "DAILY");
        String key = "DKIM check \u00e9t\u00e9 \u2014 " + System.nanoTime();
        createMailing(key);
        MimeMessage mail = mailTo(reader, 1).getFirst();
        byte[] raw = raw(mail);
        String signature = mail.getHeader("DKIM-Signature")[0].replaceAll("\\s+", "");
        String publicKey = newestPublicKey();

        assertThat(verify(raw, publicKey)).as("python3-dkim on the message as received").isEqualTo("pass");
        assertThat(signature).contains("a=rsa-sha256").contains("c=relaxed/relaxed").contains("d=localhost")
                .contains("s=" + db.sql("SELECT selector FROM dkim_keys ORDER BY created_at DESC, id DESC LIMIT 1").query(String.class).single());
        assertThat(signature.replaceFirst(".*;h=([^;]*);.*", "$1").split(":"))
                .contains("from", "subject", "list-unsubscribe", "list-unsubscribe-post", "list-id", "feedback-id");
        assertThat(mail.getHeader("List-Id")[0]).isEqualTo("Newsletter <newsletter.localhost>");
        assertThat(mail.getHeader("Feedback-ID")[0]).matches("\\d+:newsletter:localhost");

        String tampered = new String(raw, StandardCharsets.ISO_8859_1)
                .replaceFirst("(?m)^List-Unsubscribe: <[^>]*>", "List-Unsubscribe: <https://attacker.example/u>");
        assertThat(verify(tampered.getBytes(StandardCharsets.ISO_8859_1), publicKey)).as("a changed unsubscribe address breaks it").isEqualTo("fail");
    }

    @Test
    void anAdminSeesTheDnsRecordAndRotatesTheKey() throws Exception {
        String admin = "dkim.admin." + System.nanoTime() + "@newsroom.example";
        db.sql("""
                INSERT INTO staff (email, display_name, role, password_hash, created_at)
                VALUES (:email, 'Ad Min', 'ADMIN', :hash, 0)""").param("email", admin).param("hash", passwords.encode("editor password 123")).update();
        signInAsEditor(admin);
        String before = newestPublicKey();
        Document page = page("/newsroom/newsletter/authentication");
        assertThat(page.select(".dns-value").eachText()).contains("v=DKIM1; k=rsa; p=" + before);
        assertThat(page.selectFirst(".dns-name").text()).matches("broadsheet-\\d{14}-[0-9a-z]+\\._domainkey\\.localhost");
        assertThat(page.text()).contains("_dmarc.localhost").contains("v=spf1");

        String csrf = page.selectFirst("form[action$=rotate] input[name^=_csrf]").attr("value");
        assertThat(post("/newsroom/newsletter/authentication/rotate", fields("_csrf", csrf)).statusCode()).isEqualTo(302);
        String after = newestPublicKey();
        assertThat(after).isNotEqualTo(before);
        assertThat(db.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'dkim.rotated' AND actor_name = 'Ad Min'").query(Long.class).single()).isEqualTo(1);

        String reader = "dkim.rotated." + System.nanoTime() + "@readers.example";
        subscriber(reader, "DAILY");
        createMailing("After the rotation " + System.nanoTime());
        byte[] raw = raw(mailTo(reader, 1).getFirst());
        assertThat(verify(raw, after)).as("signed with the new key").isEqualTo("pass");
        assertThat(verify(raw, before)).as("not with the old one").isEqualTo("fail");
    }

    private String newestPublicKey() {
        return db.sql("SELECT public_key FROM dkim_keys ORDER BY created_at DESC, id DESC LIMIT 1").query(String.class).single();
    }

    private static byte[] raw(MimeMessage mail) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        mail.writeTo(out);
        return out.toByteArray();
    }

    private static String verify(byte[] message, String publicKey) throws IOException, InterruptedException {
        Path file = Files.createTempFile("newsletter", ".eml");
        try {
            Files.write(file, message);
            Process python = new ProcessBuilder(List.of("/usr/bin/python3", VERIFIER.toString(), publicKey))
                    .redirectInput(file.toFile()).redirectErrorStream(true).start();
            String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            python.waitFor(60, TimeUnit.SECONDS);
            return out.lines().reduce((a, b) -> b).orElse("");
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
