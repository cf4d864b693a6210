package news.broadsheet.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import news.broadsheet.IntegrationTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The reference page, element by element, on a republished demo story. */
class ArticlePageTest extends IntegrationTest {

    static final String SHOWCASE = "/world/ceasefire-talks-resume-in-geneva-as-aid-corridor-opens";

    @Test
    void sectionLabelLinksToTheSectionPage() {
        Element label = page(SHOWCASE).selectFirst(".section-label a");
        assertThat(label).isNotNull();
        assertThat(label.text()).isEqualTo("World");
        assertThat(label.attr("href")).isEqualTo("/world");
        assertThat(get("/world").statusCode()).isEqualTo(200);
    }

    @Test
    void headlineStandfirstBylineAndMachineReadableTimes() {
        Document doc = page(SHOWCASE);
        assertThat(doc.select("h1")).hasSize(1);
        assertThat(doc.selectFirst("h1").text()).isEqualTo("Ceasefire talks resume in Geneva as aid corridor opens");
        assertThat(doc.selectFirst(".standfirst").text()).isNotBlank();
        assertThat(doc.select(".byline a[rel=author]")).extracting(Element::text)
                .contains("Hélène Marchetti", "Amara Okafor");
        assertThat(doc.selectFirst(".published time").attr("datetime")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(doc.selectFirst(".updated time").attr("datetime")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(doc.select(".story-body p").size()).isGreaterThan(3);
    }

    @Test
    void figuresCarryAltCaptionAndCreditAsSeparateElements() {
        Document doc = page(SHOWCASE);
        Element lead = doc.selectFirst("figure.lead-figure");
        assertThat(lead.selectFirst("img").attr("alt")).isNotBlank();
        assertThat(lead.selectFirst("figcaption .caption").text()).isNotBlank();
        assertThat(lead.selectFirst("figcaption .credit").text()).isEqualTo("The Meridian Post");
        // The caption's last word and the credit must not run together when read as text.
        assertThat(lead.selectFirst("figcaption").text()).contains(". The Meridian Post");
        Element inBody = doc.selectFirst(".story-body figure");
        assertThat(inBody.selectFirst("figcaption .caption")).isNotNull();
        assertThat(inBody.selectFirst("figcaption .credit")).isNotNull();
        assertThat(get(lead.selectFirst("img").attr("src")).statusCode()).isEqualTo(200);
    }

    @Test
    void embedIsALinkCardThatWorksWithoutScripts() {
        Document doc = page(SHOWCASE);
        Element card = doc.selectFirst(".story-body aside.embed a.embed-card");
        assertThat(card).isNotNull();
        assertThat(card.attr("href")).startsWith("https://video.example/");
        assertThat(card.selectFirst(".embed-title").text()).isNotBlank();
        // A provider without a player needs no script at all (click-to-play pages load the site's own deferred file).
        assertThat(doc.select("script:not([type=application/ld+json])")).isEmpty();
        assertThat(doc.select("iframe")).isEmpty();
    }

    @Test
    void followBlockComesFromSiteSettings() {
        Element follow = page(SHOWCASE).selectFirst("aside.follow");
        assertThat(follow.select("a")).extracting(e -> e.attr("href"))
                .contains("https://social.example/@harbourledger");
    }

    @Test
    void attributionNamesTheSourceAndLinksTheOriginal() {
        Element attribution = page(SHOWCASE).selectFirst(".attribution");
        assertThat(attribution.text()).startsWith("Source of information and images: The Meridian Post");
        assertThat(attribution.selectFirst("a").attr("href"))
                .isEqualTo("https://meridianpost.example/world/2026/11/ceasefire-talks-resume-in-geneva-as-aid-corridor-opens");
        assertThat(attribution.selectFirst("time").attr("datetime")).isNotBlank();
    }

    @Test
    void relatedArticlesArePublishedStoriesAndNeverTheArticleItself() {
        Document doc = page(SHOWCASE);
        var links = doc.select(".related .card-title a");
        assertThat(links).isNotEmpty();
        assertThat(links).extracting(e -> e.attr("href")).doesNotContain(SHOWCASE);
        for (Element link : links) {
            assertThat(get(link.attr("href")).statusCode()).isEqualTo(200);
        }
        // The follow-up on the same story shares its tags and comes first.
        assertThat(links.first().attr("href")).isEqualTo("/world/first-aid-lorries-reach-marrow-bridge-hours-after-corridor-opens");
    }

    @Test
    void backToTopIsAnInPageLinkToAnExistingTarget() {
        Document doc = page(SHOWCASE);
        Element back = doc.selectFirst("a.back-to-top");
        assertThat(back.attr("href")).isEqualTo("#top");
        assertThat(doc.getElementById("top")).isNotNull();
        assertThat(doc.selectFirst("a.skip-link").attr("href")).isEqualTo("#main");
        assertThat(doc.getElementById("main")).isNotNull();
    }

    @Test
    void arabicStoryIsLaidOutRightToLeft() {
        Document doc = page("/culture/amman-calligraphy-exhibition-gathers-artists-from-twelve-countries");
        // The story is Arabic and right-to-left; the site around it keeps its own language and direction.
        assertThat(doc.selectFirst("article.story").attr("lang")).isEqualTo("ar");
        assertThat(doc.selectFirst("article.story").attr("dir")).isEqualTo("rtl");
        assertThat(doc.selectFirst("html").attr("dir")).isEqualTo("ltr");
    }

    @Test
    void specialCharactersInHeadlinesAreEscapedNotDropped() {
        HttpResponse<String> response = get("/business/when-r-and-d-budgets-trail-inflation-why-made-in-britain-is-stalling");
        assertThat(response.body()).contains("When R&amp;D budgets &lt; inflation: why \"Made in Britain\" is stalling");
        assertThat(org.jsoup.Jsoup.parse(response.body()).selectFirst("h1").text())
                .isEqualTo("When R&D budgets < inflation: why \"Made in Britain\" is stalling");
    }

    @Test
    void publicPagesSetNoCookieForAnonymousReaders() {
        HttpResponse<String> response = get(SHOWCASE);
        assertThat(response.headers().allValues("set-cookie")).isEmpty();
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
    }
}
