package news.broadsheet.platform;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Set;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure that will pass on its own (the database restarting, failing over, out of
 * connections, busy) from one that will not (a bug, a constraint). The first is answered 503 with
 * Retry-After, so a proxy or a reader tries again, instead of a 500 that nobody retries.
 */
public final class DatabaseOutage {

    /** How long to tell clients to wait: a restart or failover takes seconds. */
    public static final String RETRY_AFTER_SECONDS = "5";

    /**
     * SQLSTATEs of a server going away or refusing for now: class 08 (connection exception),
     * PostgreSQL's admin/crash shutdown and "cannot connect now", too many connections.
     */
    private static final Set<String> TRANSIENT_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseOutage() {
    }

    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof DataAccessResourceFailureException
                    || t instanceof RecoverableDataAccessException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || TRANSIENT_STATES.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
