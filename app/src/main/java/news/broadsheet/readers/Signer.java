package news.broadsheet.readers;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import news.broadsheet.content.SettingsRepository;
import org.springframework.stereotype.Component;

/**
 * Signed, expiring tokens for everything readers carry around without a session: public form
 * tokens, opt-in, sign-in and unsubscribe links. A token is {@code payload.mac}, both base64url;
 * the payload names its purpose, its fields and its expiry, so a token made for one purpose is
 * worthless for another. The key lives in the settings table (not in a file), so every node
 * behind a balancer verifies what any other node signed.
 */
@Component
class Signer {

    private static final String KEY_SETTING = "readers-secret.signing-key";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final SettingsRepository settings;
    private final SecureRandom random = new SecureRandom();
    private volatile byte[] key;

    Signer(SettingsRepository settings) {
        this.settings = settings;
    }

    String sign(String purpose, Instant expires, String... fields) {
        for (String field : fields) {
            if (field.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("A token field cannot contain a line break");
            }
        }
        String payload = purpose + "\n" + expires.toEpochMilli() + "\n" + String.join("\n", fields);
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return B64.encodeToString(bytes) + "." + B64.encodeToString(mac(bytes));
    }

    /** The token's fields if it was signed here for this purpose and has not expired. */
    Optional<List<String>> verify(String purpose, String token, Instant now) {
        if (token == null || token.length() > 2_000) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 1) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] given;
        try {
            payload = Base64.getUrlDecoder().decode(token.substring(0, dot));
            given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(mac(payload), given)) {
            return Optional.empty();
        }
        List<String> parts = Arrays.asList(new String(payload, StandardCharsets.UTF_8).split("\n", -1));
        if (parts.size() < 2 || !parts.get(0).equals(purpose)) {
            return Optional.empty();
        }
        try {
            if (Long.parseLong(parts.get(1)) <= now.toEpochMilli()) {
                return Optional.empty();
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.of(parts.subList(2, parts.size()));
    }

    /** A short stable fingerprint of a token, e.g. to remember that a one-time link was used. */
    static String fingerprint(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String nonce() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return B64.encodeToString(bytes);
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        byte[] current = key;
        if (current == null) {
            if (settings.get(KEY_SETTING).isEmpty()) {
                byte[] fresh = new byte[32];
                random.nextBytes(fresh);
                // Two nodes starting together may both try; the first insert wins and both re-read it.
                settings.putIfAbsent(KEY_SETTING, B64.encodeToString(fresh));
            }
            current = Base64.getUrlDecoder().decode(settings.get(KEY_SETTING).orElseThrow());
            key = current;
        }
        return current;
    }
}
