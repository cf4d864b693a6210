package news.broadsheet.readers;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;

import news.broadsheet.audit.Actor;
import news.broadsheet.audit.AuditLog;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The DKIM signing keys, in the database so every node signs with the same one. The newest key
 * signs; rotating adds a key under a new selector (the old DNS record can go once mail signed
 * with it has been delivered). A 2048-bit RSA pair is made by the JDK on the first start.
 */
@Repository
class DkimKeys {

    /** One key pair; {@code publicKey} is the base64 SubjectPublicKeyInfo that the DNS record's p= carries. */
    record Key(long id, String selector, String privateKey, String publicKey, Instant createdAt) {
        String txtRecord() {
            return "v=DKIM1; k=rsa; p=" + publicKey;
        }

        PrivateKey signingKey() {
            try {
                return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey)));
            } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
                throw new IllegalStateException("The stored DKIM key " + selector + " cannot be read", e);
            }
        }
    }

    /** Another node's rotation reaches this node's signer within this long. */
    private static final Duration REREAD = Duration.ofMinutes(1);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    private static final RowMapper<Key> KEY = (rs, n) -> new Key(rs.getLong("id"), rs.getString("selector"),
            rs.getString("private_key"), rs.getString("public_key"), Instant.ofEpochMilli(rs.getLong("created_at")));

    private final JdbcClient db;
    private final Clock clock;
    private final AuditLog audit;
    private volatile Signing cached;

    /** The current key with its parsed private key, so a mailing does not parse it per message. */
    record Signing(Key key, PrivateKey privateKey, Instant readAt) {
    }

    DkimKeys(JdbcClient db, Clock clock, AuditLog audit) {
        this.db = db;
        this.clock = clock;
        this.audit = audit;
    }

    @EventListener(ApplicationReadyEvent.class)
    void makeFirstKey() {
        if (all().isEmpty()) {
            insert("broadsheet");
        }
    }

    Signing signing() {
        Signing known = cached;
        if (known == null || known.readAt().isBefore(clock.instant().minus(REREAD))) {
            Key key = all().stream().findFirst().orElseGet(() -> insert("broadsheet"));
            known = new Signing(key, key.signingKey(), clock.instant());
            cached = known;
        }
        return known;
    }

    /** Newest first: the first one signs. */
    List<Key> all() {
        return db.sql("SELECT * FROM dkim_keys ORDER BY created_at DESC, id DESC").query(KEY).list();
    }

    /** A fresh key pair under a new selector, which signs from now on; its DNS record must be published first. */
    @Transactional
    Key rotate(String selectorPrefix) {
        Key key = insert(selectorPrefix);
        audit.record(Actor.current(), "dkim.rotated", new AuditLog.Subject("dkim", key.selector(), "DKIM key " + key.selector()),
                "new selector " + key.selector());
        cached = null;
        return key;
    }

    private Key insert(String selectorPrefix) {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JDK cannot make RSA keys", e);
        }
        Instant now = clock.instant();
        String selector = selectorPrefix + "-" + STAMP.format(now) + "-" + Long.toString(System.nanoTime() % 1296, 36);
        db.sql("""
                INSERT INTO dkim_keys (selector, private_key, public_key, created_at)
                VALUES (:selector, :private, :public, :now) ON CONFLICT (selector) DO NOTHING""")
                .param("selector", selector).param("private", Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()))
                .param("public", Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()))
                .param("now", now.toEpochMilli()).update();
        return db.sql("SELECT * FROM dkim_keys WHERE selector = :selector").param("selector", selector).query(KEY).single();
    }
}
