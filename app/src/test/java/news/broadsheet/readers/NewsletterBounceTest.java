package news.broadsheet.readers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import news.broadsheet.platform.BroadsheetProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * How the newsletter reads SMTP replies, against a small real SMTP server that answers like a
 * receiving MTA would: 550 at RCPT (no such mailbox), 451 at RCPT (greylisting), 554 after DATA
 * (content refused), no reply at all to the final "." (it hangs up), 250 otherwise.
 */
class NewsletterBounceTest extends ReaderTest {

    @Autowired
    Newsletter newsletter;

    Refusing server;
    Newsletter viaRefusingServer;

    @BeforeEach
    void start(@Autowired BroadsheetProperties properties, @Autowired Environment environment,
               @Value("${broadsheet.mail.from}") String from, @Autowired DkimKeys keys, @Autowired ReaderSettings settings) throws IOException {
        server = new Refusing();
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(server.socket.getLocalPort());
        viaRefusingServer = newsletter.withMailer(new Mailer(sender, from, properties, environment, keys, settings), (fault, messageId) -> { });
    }

    @AfterEach
    void stop() throws IOException {
        server.socket.close();
    }

    @Test
    void hardBouncesAreCountedAndSuppressTheAddressSoftOnesAreRetriedLater() {
        setting("readers.newsletter.rate-per-second", "0");
        setting("readers.newsletter.bounce-limit", "3");
        long gone = member("gone@bounce.example", "DAILY");
        long spam = member("refused@bounce.example", "DAILY");
        long busy = member("busy@bounce.example", "DAILY");
        long fine = member("fine@bounce.example", "DAILY");
        long hangUp = member("hangup@bounce.example", "DAILY");
        db.sql("UPDATE members SET hard_bounces = 2 WHERE id = :id").param("id", gone).update();

        Newsletter.NODE_SENDER.lock(); // the application's own sender (to GreenMail) stays off this mailing
        try {
            long mailing = createMailing("bounce-test");
            viaRefusingServer.sendPendingAfterCurrentRun();

            assertThat(row(mailing, gone)).startsWith("BOUNCED 550");
            assertThat(row(mailing, spam)).as("a refusal after DATA is a hard bounce too").startsWith("BOUNCED 554");
            assertThat(row(mailing, busy)).startsWith("DEFERRED 451");
            assertThat(row(mailing, fine)).isEqualTo("SENT null");
            assertThat(row(mailing, hangUp)).as("no reply to the final \".\" is not a delivery: SMTP hands over with the 250")
                    .startsWith("DEFERRED no reply to the final \".\"");
            assertThat(server.accepted).containsExactly("fine@bounce.example " + Newsletter.messageId(mailing, fine));
            assertThat(db.sql("SELECT hard_bounces, suppressed FROM members WHERE id = :id").param("id", gone)
                    .query((rs, n) -> rs.getInt(1) + " " + rs.getBoolean(2)).single()).as("the third hard bounce suppresses the address")
                    .isEqualTo("3 true");
            assertThat(db.sql("SELECT hard_bounces FROM members WHERE id = :id").param("id", spam).query(Integer.class).single()).isEqualTo(1);
            long retryIn = db.sql("SELECT next_attempt_at FROM deliveries WHERE mailing_id = :m AND member_id = :b")
                    .param("m", mailing).param("b", busy).query(Long.class).single() - System.currentTimeMillis();
            assertThat(retryIn).as("first retry after about five minutes").isBetween(240_000L, 300_000L);
            assertThat(finished(mailing)).as("a deferred delivery keeps the mailing open").isFalse();

            viaRefusingServer.sendPendingAfterCurrentRun();
            assertThat(server.accepted).as("nothing is due yet").hasSize(1);

            server.greylisted.clear(); // the server now accepts both retries
            server.hangUpOn.clear();
            db.sql("UPDATE deliveries SET next_attempt_at = 0 WHERE mailing_id = :m AND member_id IN (:b, :h)")
                    .param("m", mailing).param("b", busy).param("h", hangUp).update();
            viaRefusingServer.sendPendingAfterCurrentRun();
            assertThat(row(mailing, busy)).isEqualTo("SENT null");
            assertThat(db.sql("SELECT attempts FROM deliveries WHERE mailing_id = :m AND member_id = :b").param("m", mailing).param("b", busy)
                    .query(Integer.class).single()).isEqualTo(2);
            assertThat(row(mailing, hangUp)).isEqualTo("SENT null");
            assertThat(server.accepted).containsExactly("fine@bounce.example " + Newsletter.messageId(mailing, fine),
                    "busy@bounce.example " + Newsletter.messageId(mailing, busy), "hangup@bounce.example " + Newsletter.messageId(mailing, hangUp));
            assertThat(finished(mailing)).isTrue();
        } finally {
            Newsletter.NODE_SENDER.unlock();
        }
    }

    private String row(long mailing, long member) {
        return db.sql("SELECT status, error FROM deliveries WHERE mailing_id = :m AND member_id = :v").param("m", mailing).param("v", member)
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).single();
    }

    private boolean finished(long mailing) {
        return db.sql("SELECT COUNT(*) FROM mailings WHERE id = :id AND finished_at IS NOT NULL").param("id", mailing).query(Long.class).single() > 0;
    }

    /** A receiving MTA with opinions, enough of SMTP for Jakarta Mail. */
    static final class Refusing {
        final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final List<String> accepted = new CopyOnWriteArrayList<>();
        final Map<String, Boolean> greylisted = new ConcurrentHashMap<>(Map.of("busy@bounce.example", true));
        final Map<String, Boolean> hangUpOn = new ConcurrentHashMap<>(Map.of("hangup@bounce.example", true));

        Refusing() throws IOException {
            Thread.ofVirtual().start(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket client = socket.accept();
                        Thread.ofVirtual().start(() -> session(client));
                    } catch (IOException e) {
                        return; // closed at the end of the test
                    }
                }
            });
        }

        private void session(Socket client) {
            try (client; var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
                 OutputStream out = client.getOutputStream()) {
                reply(out, "220 refusing.example ESMTP");
                String recipient = null;
                for (String line; (line = in.readLine()) != null; ) {
                    String verb = line.length() < 4 ? line : line.substring(0, 4).toUpperCase();
                    switch (verb) {
                        case "EHLO", "HELO" -> reply(out, "250 refusing.example");
                        case "MAIL", "RSET", "NOOP" -> reply(out, "250 OK");
                        case "RCPT" -> {
                            String address = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
                            if (address.startsWith("gone@")) {
                                reply(out, "550 5.1.1 No such mailbox");
                            } else if (greylisted.containsKey(address)) {
                                reply(out, "451 4.7.1 Greylisted, try again later");
                            } else {
                                recipient = address;
                                reply(out, "250 OK");
                            }
                        }
                        case "DATA" -> {
                            reply(out, "354 Go ahead");
                            String messageId = null;
                            for (String data; (data = in.readLine()) != null && !data.equals("."); ) {
                                if (data.startsWith("Message-ID: <")) {
                                    messageId = data.substring(13, data.indexOf('@'));
                                }
                            }
                            if (hangUpOn.containsKey(recipient)) {
                                return; // gone before accepting: the message is not taken
                            } else if ("refused@bounce.example".equals(recipient)) {
                                reply(out, "554 5.7.1 Message refused");
                            } else {
                                accepted.add(recipient + " " + messageId);
                                reply(out, "250 Queued");
                            }
                        }
                        case "QUIT" -> {
                            reply(out, "221 Bye");
                            return;
                        }
                        default -> reply(out, "502 Not implemented");
                    }
                }
            } catch (IOException e) {
                // the client went away
            }
        }

        private static void reply(OutputStream out, String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
    }
}
