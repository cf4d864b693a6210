package news.broadsheet.readers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The signed token every public reader form carries instead of a session CSRF token (see
 * {@link ReadersSecurityConfiguration}). It binds the form's name and subject (an article id,
 * or 0) to the moment it was issued, so the server can refuse forged forms, stale ones, and
 * forms filled faster than a person can type.
 */
@Component
class FormTokens {

    static final Duration LIFETIME = Duration.ofDays(2);

    enum Check { OK, INVALID, TOO_FAST }

    /** A checked token: its nonce identifies this copy of the form (for duplicate submits). */
    record Checked(Check result, String nonce) {
    }

    private final Signer signer;
    private final Clock clock;

    FormTokens(Signer signer, Clock clock) {
        this.signer = signer;
        this.clock = clock;
    }

    String issue(String form, long subject) {
        Instant now = clock.instant();
        return signer.sign("form:" + form, now.plus(LIFETIME), Long.toString(subject), Long.toString(now.toEpochMilli()), signer.nonce());
    }

    Checked check(String form, long subject, String token, int minFillSeconds) {
        Optional<List<String>> fields = signer.verify("form:" + form, token, clock.instant());
        if (fields.isEmpty() || fields.get().size() != 3 || !fields.get().get(0).equals(Long.toString(subject))) {
            return new Checked(Check.INVALID, null);
        }
        long issued = Long.parseLong(fields.get().get(1));
        if (clock.millis() - issued < minFillSeconds * 1000L) {
            return new Checked(Check.TOO_FAST, fields.get().get(2));
        }
        return new Checked(Check.OK, fields.get().get(2));
    }
}
