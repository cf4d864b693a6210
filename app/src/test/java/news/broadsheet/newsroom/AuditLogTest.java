package news.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import news.broadsheet.audit.Actor;
import news.broadsheet.audit.AuditLog;
import news.broadsheet.content.ArticleDraft;
import news.broadsheet.content.ArticleRepository;
import news.broadsheet.content.ArticleService;
import news.broadsheet.content.ArticleStatus;
import news.broadsheet.content.SectionRepository;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Each audited action leaves one row naming who did it; only admins read the log. */
class AuditLogTest extends NewsroomTest {

    @Autowired
    AuditLog audit;
    @Autowired
    ArticleService articleService;
    @Autowired
    ArticleRepository articles;
    @Autowired
    SectionRepository sections;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void publishingAndUnpublishingNameTheEditorAndScheduledPublicationNamesTheScheduler() {
        Staff editor = staff(StaffRole.EDITOR);
        String name = nameOf(editor);
        long id = ArticleEditorTest.createDraft(editor, "Audited story " + System.nanoTime());
        assertThat(move(editor, id, "PUBLISHED")).isEqualTo(302);
        assertThat(move(editor, id, "UNPUBLISHED")).isEqualTo(302);

        List<AuditLog.Entry> rows = audit.page(null, name, null, 10);
        assertThat(rows).extracting(AuditLog.Entry::action).containsExactly("article.unpublished", "article.published");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.actorId()).isEqualTo(editor.id());
            assertThat(row.subjectType()).isEqualTo("article");
            assertThat(row.subjectId()).isEqualTo(Long.toString(id));
        });
        assertThat(rows.getFirst().detail()).isEqualTo("published \u2192 unpublished");

        // Due long ago, so the story it publishes sorts behind the demo stories other tests look for.
        long scheduled = articleService.create(new ArticleDraft("audit-scheduled-" + System.nanoTime(), sections.findBySlug("science")
                .orElseThrow().id(), "Scheduled for the audit", "", "Body.", "en", null, null, List.of(editor.authorId()), List.of(),
                List.of(), null, ArticleStatus.SCHEDULED, null, null, Instant.now().minus(Duration.ofDays(3000))));
        assertThat(articleService.publishDue(scheduled)).isTrue();
        AuditLog.Entry byScheduler = audit.page("article.published", "scheduler", null, 50).stream()
                .filter(e -> e.subjectId().equals(Long.toString(scheduled))).findFirst().orElseThrow();
        assertThat(byScheduler.actorId()).isNull();
    }

    @Test
    void roleChangesAndStructureChangesNameWhoMadeThem() {
        Staff admin = staff(StaffRole.ADMIN);
        Staff colleague = staff(StaffRole.CONTRIBUTOR);
        assertThat(admin.client().postWithCsrf("/newsroom/staff/" + colleague.id() + "/role", Map.of("role", "author"), "/newsroom/staff")
                .statusCode()).isEqualTo(302);
        AuditLog.Entry role = audit.page("staff.role-changed", nameOf(admin), null, 1).getFirst();
        assertThat(role.actorId()).isEqualTo(admin.id());
        assertThat(role.subjectId()).isEqualTo(Long.toString(colleague.id()));
        assertThat(role.detail()).isEqualTo("contributor \u2192 author");

        Staff editor = staff(StaffRole.EDITOR);
        String slug = "audited-" + Long.toString(System.nanoTime(), 36);
        editor.client().postWithCsrf("/newsroom/sections", Map.of("name", "Audited", "slug", slug, "description", "", "position", "60"),
                "/newsroom/structure");
        AuditLog.Entry section = audit.page("section.created", nameOf(editor), null, 1).getFirst();
        assertThat(section.subjectId()).isEqualTo(Long.toString(sections.findBySlug(slug).orElseThrow().id()));
        assertThat(section.detail()).isEqualTo("/" + slug);
    }

    @Test
    void adminsReadTheLogNewestFirstFilteredAndPagedWhileEditorsAndAuthorsAreRefused() {
        assertThat(staff(StaffRole.EDITOR).client().get("/newsroom/audit").statusCode()).isEqualTo(403);
        assertThat(staff(StaffRole.AUTHOR).client().get("/newsroom/audit").statusCode()).isEqualTo(403);

        String action = "test.paging-" + System.nanoTime();
        transaction.executeWithoutResult(status -> {
            for (int i = 1; i <= AuditController.PAGE_SIZE + 5; i++) {
                audit.record(Actor.SYSTEM, action, new AuditLog.Subject("test", Integer.toString(i), "entry " + i), "");
            }
        });
        Staff admin = staff(StaffRole.ADMIN);
        Document first = admin.client().page("/newsroom/audit?action=" + URLEncoder.encode(action, StandardCharsets.UTF_8) + "&actor=system");
        assertThat(first.select("tbody tr")).hasSize(AuditController.PAGE_SIZE);
        assertThat(first.selectFirst("tbody tr").text()).contains("entry " + (AuditController.PAGE_SIZE + 5));
        assertThat(first.selectFirst("select[name=action] option[selected]").val()).isEqualTo(action);
        Document older = admin.client().page(first.selectFirst("a:contains(Older entries)").attr("href"));
        assertThat(older.select("tbody tr")).extracting(row -> row.child(3).text())
                .containsExactly("test #5: entry 5", "test #4: entry 4", "test #3: entry 3", "test #2: entry 2", "test #1: entry 1");
        assertThat(older.select("a:contains(Older entries)")).isEmpty();
    }

    private String nameOf(Staff staff) {
        return staffRepository.findById(staff.id()).orElseThrow().displayName();
    }

    private int move(Staff staff, long id, String target) {
        String version = Long.toString(articles.findById(id).orElseThrow().version());
        return staff.client().postWithCsrf("/newsroom/articles/" + id + "/status", Map.of("target", target, "version", version),
                "/newsroom/articles/" + id).statusCode();
    }
}
