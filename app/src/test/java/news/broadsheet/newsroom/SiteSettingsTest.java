package news.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import news.broadsheet.audit.AuditLog;
import news.broadsheet.content.FigureRepository;
import news.broadsheet.content.SiteSettingsEditor;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Admins set the site's name, description, logo, time zone, language and follow links; every page follows at once. */
class SiteSettingsTest extends NewsroomTest {

    private static final String PAGE = "/newsroom/settings";

    @Autowired
    SiteSettingsEditor settings;
    @Autowired
    FigureRepository figures;
    @Autowired
    AuditLog audit;

    @Test
    void savedSettingsShowOnCachedPublicPagesAtOnce() {
        SiteSettingsEditor.Form original = settings.current();
        try {
            Staff admin = staff(StaffRole.ADMIN);
            get("/");
            assertThat(get("/").headers().firstValue("etag")).as("the home page is cached").isPresent();
            Map<String, Object> form = formOf(admin);
            form.put("name", "The Quay Courier");
            form.put("tagline", "News from the quay");
            form.put("timeZone", "Asia/Tokyo");
            form.put("language", "de");
            form.put("follow-X", "https://x.example/quaycourier");
            HttpResponse<String> saved = admin.client().postWithCsrf(PAGE, form, PAGE);
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);

            AuditLog.Entry audited = audit.page("settings.changed", null, null, 1).getFirst();
            assertThat(audited.actorId()).isEqualTo(admin.id());
            assertThat(audited.detail()).isEqualTo("name, description, time zone, language, X");

            Document home = Jsoup.parse(get("/").body());
            assertThat(home.selectFirst(".brand").text()).isEqualTo("The Quay Courier");
            assertThat(home.selectFirst(".tagline").text()).isEqualTo("News from the quay");
            assertThat(home.selectFirst("html").attr("lang")).isEqualTo("de");
            assertThat(home.select(".follow-footer a").eachAttr("href"))
                    .contains("https://x.example/quaycourier", "https://social.example/@harbourledger");
            assertThat(home.selectFirst("time").text()).as("dates in the site's time zone").endsWith("JST");

            long logo = figures.recent(1).getFirst().id();
            form.put("logo", Long.toString(logo));
            assertThat(admin.client().postWithCsrf(PAGE, form, PAGE).statusCode()).isEqualTo(302);
            Document withLogo = Jsoup.parse(get("/").body());
            assertThat(withLogo.selectFirst(".brand img").attr("src")).isEqualTo(figures.findById(logo).orElseThrow().src());
            assertThat(withLogo.selectFirst(".brand img").attr("alt")).isEqualTo("The Quay Courier");
        } finally {
            settings.save(original);
        }
    }

    @Test
    void badValuesAreNamedPreciselyAndNothingIsSavedOrLost() {
        String nameBefore = settings.current().name();
        Staff admin = staff(StaffRole.ADMIN);
        Map<String, Object> form = formOf(admin);
        form.put("name", "");
        form.put("timeZone", "Mars/Olympus_Mons");
        form.put("language", "english please");
        form.put("follow-Facebook", "javascript:alert(1)");
        form.put("follow-Telegram", "t.me/quay");
        form.put("follow-RSS", "//elsewhere.example/feed");
        HttpResponse<String> refused = admin.client().postWithCsrf(PAGE, form, PAGE);
        assertThat(refused.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.select("[role=alert] li").eachText()).containsExactly(
                "Site name: enter 1 to 120 characters.",
                "Time zone: \u201cMars/Olympus_Mons\u201d is not a time zone; use a name such as Europe/Berlin or UTC.",
                "Default language: \u201cenglish please\u201d is not a language tag; use one such as en, de or pt-BR.",
                "Facebook: enter a full web address starting with https:// or http://, or leave it empty.",
                "Telegram: enter a full web address starting with https:// or http://, or leave it empty.",
                "RSS: enter a full web address starting with https:// or http:// (or a path on this site such as /feed.xml), or leave it empty.");
        assertThat(page.selectFirst("input[name=timeZone]").val()).as("what was typed stays").isEqualTo("Mars/Olympus_Mons");
        assertThat(page.selectFirst("input[name=follow-Telegram]").val()).isEqualTo("t.me/quay");
        assertThat(settings.current().name()).isEqualTo(nameBefore);
    }

    @Test
    void onlyAdminsReachTheSettings() {
        assertThat(staff(StaffRole.EDITOR).client().get(PAGE).statusCode()).isEqualTo(403);
    }

    private static Map<String, Object> formOf(Staff admin) {
        Document page = admin.client().page(PAGE);
        Map<String, Object> form = new HashMap<>();
        page.select("form[action=" + PAGE + "] input[name]:not([type=hidden])").forEach(e -> form.put(e.attr("name"), e.val()));
        page.select("form[action=" + PAGE + "] select[name]").forEach(s -> form.put(s.attr("name"),
                s.select("option[selected]").stream().map(o -> o.attr("value")).findFirst().orElse("")));
        return form;
    }
}
