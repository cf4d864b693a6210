package news.broadsheet.platform;

/** Which of the two supported databases a JDBC URL points at. */
public final class Database {

    private Database() {
    }

    public static boolean isSqlite(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.startsWith("jdbc:sqlite:");
    }
}
