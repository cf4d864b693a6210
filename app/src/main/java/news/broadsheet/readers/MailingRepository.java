package news.broadsheet.readers;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import news.broadsheet.readers.MemberRepository.Frequency;
import news.broadsheet.readers.MemberRepository.Member;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

@Repository
class MailingRepository {

    record Mailing(long id, String dedupeKey, Frequency frequency, String subject, List<Long> articleIds, String testAddress,
                   Instant createdAt) {
    }

    private final JdbcClient db;
    private final TransactionTemplate transaction;

    MailingRepository(JdbcClient db, TransactionTemplate transaction) {
        this.db = db;
        this.transaction = transaction;
    }

    /** Creates the mailing once per key; a second call with the same key changes nothing. */
    void createOnce(String key, Frequency frequency, String subject, List<Long> articleIds, String testAddress, Instant now) {
        db.sql("""
                INSERT INTO mailings (dedupe_key, frequency, subject, article_ids, test_address, created_at)
                VALUES (:key, :frequency, :subject, :articles, :test, :now) ON CONFLICT (dedupe_key) DO NOTHING""")
                .param("key", key).param("frequency", frequency.name()).param("subject", subject)
                .param("articles", String.join(",", articleIds.stream().map(String::valueOf).toList()))
                .param("test", testAddress).param("now", now.toEpochMilli()).update();
    }

    boolean exists(String key) {
        return db.sql("SELECT COUNT(*) FROM mailings WHERE dedupe_key = :key").param("key", key).query(Long.class).single() > 0;
    }

    List<Mailing> unfinished() {
        return db.sql("SELECT * FROM mailings WHERE finished_at IS NULL ORDER BY id").query((rs, n) -> new Mailing(rs.getLong("id"),
                rs.getString("dedupe_key"), Frequency.valueOf(rs.getString("frequency")), rs.getString("subject"),
                Arrays.stream(rs.getString("article_ids").split(",")).filter(s -> !s.isBlank()).map(Long::valueOf).toList(),
                rs.getString("test_address"), Instant.ofEpochMilli(rs.getLong("created_at")))).list();
    }

    void finish(long id, Instant now) {
        db.sql("UPDATE mailings SET finished_at = :now WHERE id = :id").param("now", now.toEpochMilli()).param("id", id).update();
    }

    /** Claims the delivery before sending; false when a row exists already (sent, failed or uncertain). */
    boolean claim(long mailingId, long memberId, Instant now) {
        return db.sql("""
                INSERT INTO deliveries (mailing_id, member_id, status, attempted_at) VALUES (:mailing, :member, 'SENDING', :now)
                ON CONFLICT (mailing_id, member_id) DO NOTHING""")
                .param("mailing", mailingId).param("member", memberId).param("now", now.toEpochMilli()).update() == 1;
    }

    /** Deliveries the SMTP server refused since {@code since}. */
    long bouncedSince(Instant since) {
        return db.sql("SELECT COUNT(*) FROM deliveries WHERE status = 'BOUNCED' AND attempted_at >= :since")
                .param("since", since.toEpochMilli()).query(Long.class).single();
    }

    /** Claims a batch in one transaction; returns the members whose rows this call wrote. */
    List<Member> claimAll(long mailingId, List<Member> batch, Instant now) {
        return transaction.execute(status -> batch.stream().filter(m -> claim(mailingId, m.id(), now)).toList());
    }

    /**
     * Records a batch's outcomes in one transaction. Members the SMTP server was never reached
     * for lose their claim, so the next run sends to them: nothing went out, nothing can double.
     */
    void recordAll(long mailingId, List<Member> sent, Map<Member, Exception> failed, List<Member> unreached) {
        transaction.executeWithoutResult(status -> {
            if (!sent.isEmpty()) {
                db.sql("UPDATE deliveries SET status = 'SENT' WHERE mailing_id = :mailing AND member_id IN (:members)")
                        .param("mailing", mailingId).param("members", sent.stream().map(Member::id).toList()).update();
            }
            failed.forEach((member, e) -> {
                if (unreached.contains(member)) {
                    db.sql("DELETE FROM deliveries WHERE mailing_id = :mailing AND member_id = :member")
                            .param("mailing", mailingId).param("member", member.id()).update();
                } else {
                    record(mailingId, member.id(), "BOUNCED", e.getMessage());
                }
            });
        });
    }

    private void record(long mailingId, long memberId, String status, String error) {
        db.sql("UPDATE deliveries SET status = :status, error = :error WHERE mailing_id = :mailing AND member_id = :member")
                .param("status", status).param("error", error).param("mailing", mailingId).param("member", memberId).update();
    }

}
