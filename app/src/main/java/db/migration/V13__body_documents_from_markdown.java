package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import news.broadsheet.content.MarkdownToDocument;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills {@code body_document} (V12) for every article and revision written in Markdown, with the
 * converter the application uses on every save, so an old body and a new one are alike. Rows go
 * by id in pages, so a large archive is never held in memory; a body that cannot be a document
 * (or has no Markdown, as ingested ones) keeps '' and the editor starts from its HTML.
 */
public class V13__body_documents_from_markdown extends BaseJavaMigration {

    private static final int PAGE = 500;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        convert(connection, "articles");
        convert(connection, "article_revisions");
    }

    private static void convert(Connection connection, String table) throws SQLException {
        long after = 0;
        try (PreparedStatement page = connection.prepareStatement(
                "SELECT id, body_markdown FROM " + table + " WHERE id > ? AND body_markdown <> '' ORDER BY id LIMIT " + PAGE);
             PreparedStatement update = connection.prepareStatement("UPDATE " + table + " SET body_document = ? WHERE id = ?")) {
            while (true) {
                page.setLong(1, after);
                int rows = 0;
                try (ResultSet result = page.executeQuery()) {
                    while (result.next()) {
                        after = result.getLong("id");
                        update.setString(1, MarkdownToDocument.json(result.getString("body_markdown")));
                        update.setLong(2, after);
                        update.addBatch();
                        rows++;
                    }
                }
                if (rows == 0) {
                    return;
                }
                update.executeBatch();
            }
        }
    }
}
