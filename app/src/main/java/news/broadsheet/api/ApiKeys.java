package news.broadsheet.api;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import news.broadsheet.api.ApiKeyRepository.ApiKey;
import news.broadsheet.api.ApiKeyRepository.Kind;
import news.broadsheet.audit.Actor;
import news.broadsheet.audit.AuditLog;
import news.broadsheet.platform.Tokens;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Making, checking and revoking API keys. A Content key is 26 lowercase hex characters, the form
 * Ghost's clients check for (they refuse anything else before sending it); it only identifies a
 * reader of public content. Admin keys carry 256 random bits. Either is shown once: only its
 * SHA-256 is kept.
 */
@Service
class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A key as made: {@code secret} is the only time the key itself is known to us. */
    record Issued(ApiKey key, String secret) {
    }

    private final ApiKeyRepository keys;
    private final AuditLog audit;
    private final Clock clock;

    ApiKeys(ApiKeyRepository keys, AuditLog audit, Clock clock) {
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    Issued create(Kind kind, String name, String role) {
        String secret = kind == Kind.CONTENT ? contentSecret() : "bsa_" + Tokens.random();
        Actor actor = Actor.current();
        long id = keys.insert(kind, name, Tokens.hash(secret), secret.substring(0, kind == Kind.CONTENT ? 4 : 8), role,
                actor.staffId(), clock.instant());
        ApiKey key = keys.findById(id).orElseThrow();
        audit.record(actor, "api-key.created", AuditLog.Subject.of("api-key", id, name),
                kind.name().toLowerCase(java.util.Locale.ROOT) + " key" + (role == null ? "" : " acting as " + role));
        return new Issued(key, secret);
    }

    @Transactional
    boolean revoke(long id) {
        Optional<ApiKey> key = keys.findById(id);
        if (key.isEmpty() || !keys.revoke(id, clock.instant())) {
            return false;
        }
        audit.record(Actor.current(), "api-key.revoked", AuditLog.Subject.of("api-key", id, key.get().name()), "");
        return true;
    }

    /** The live key of this kind with this secret, if there is one. */
    Optional<ApiKey> check(Kind kind, String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 200) {
            return Optional.empty();
        }
        Optional<ApiKey> key = keys.findLive(kind, Tokens.hash(secret.strip()));
        key.ifPresent(k -> keys.touch(k.id(), clock.instant()));
        return key;
    }

    List<ApiKey> all() {
        return keys.all();
    }

    private static String contentSecret() {
        byte[] bytes = new byte[13];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
