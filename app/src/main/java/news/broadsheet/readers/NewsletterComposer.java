package news.broadsheet.readers;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import news.broadsheet.content.Article;
import news.broadsheet.content.AuthorRepository;
import news.broadsheet.content.Figure;
import news.broadsheet.content.FigureRepository;
import news.broadsheet.content.Languages;
import news.broadsheet.content.Rendition;
import news.broadsheet.content.SectionRepository;
import news.broadsheet.content.SiteSettings;
import news.broadsheet.content.SettingsRepository;
import news.broadsheet.readers.ReaderViews.EmailStory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.stereotype.Component;

/**
 * Draws a mailing: email-safe table HTML with inline styles from a jte template (no build step,
 * the same engine as the pages; MJML would need node at build time for one template), and a text
 * part that reads on its own. Drawn once per mailing; {@link Composed#to} fills in each member's
 * unsubscribe link, which is the only part that differs.
 */
@Component
class NewsletterComposer {

    static final String UNSUBSCRIBE = "https://unsubscribe.placeholder.invalid/";
    /** Wide enough for the 536 px column on a 2x screen, small enough for a mailbox. */
    private static final int IMAGE_WIDTH = 1072;
    private static final int EXCERPT_PARAGRAPHS = 3;

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
    private final SettingsRepository siteSettings;
    private final SectionRepository sections;
    private final AuthorRepository authors;
    private final FigureRepository figures;
    private final ReaderSettings settings;
    private final Mailer mailer;

    NewsletterComposer(SettingsRepository siteSettings, SectionRepository sections, AuthorRepository authors, FigureRepository figures,
                       ReaderSettings settings, Mailer mailer) {
        this.siteSettings = siteSettings;
        this.sections = sections;
        this.authors = authors;
        this.figures = figures;
        this.settings = settings;
        this.mailer = mailer;
    }

    /** One mailing, drawn. A test send (no member, so no unsubscribe link) says so where the link would be. */
    record Composed(String subject, String text, String html) {
        Mailer.Mail to(String address, String unsubscribeUrl) {
            String link = unsubscribeUrl == null ? "#test-message-has-no-unsubscribe-link" : unsubscribeUrl;
            return new Mailer.Mail(address, subject, text.replace(UNSUBSCRIBE, link),
                    html.replace(Mailer.escape(UNSUBSCRIBE), Mailer.escape(link)), unsubscribeUrl);
        }
    }

    /** {@code daily}: the digest, which the reason line names instead of "each story". */
    Composed compose(String subject, List<Article> stories, boolean daily) {
        SiteSettings site = siteSettings.site();
        ReaderSettings.Values values = settings.current();
        List<EmailStory> drawn = stories.stream().map(a -> story(a, values.fullBody())).toList();
        String reason = "You get this because you subscribed to " + (daily ? "the daily digest" : "each story") + " from " + site.name() + ".";
        String logo = site.logoSrc() == null ? "" : absolute(site.logoSrc());
        var view = new ReaderViews.NewsletterEmail(site.name(), logo, mailer.link("/"), site.language(), drawn, reason,
                values.postalAddress(), mailer.link("/members/sign-in"), UNSUBSCRIBE);
        StringOutput html = new StringOutput();
        engine.render("readers/newsletter-email.jte", java.util.Map.of("mail", view), html);
        return new Composed(subject, text(view), html.toString());
    }

    private EmailStory story(Article a, boolean fullBody) {
        String url = mailer.link("/" + sections.findById(a.sectionId()).map(s -> s.slug()).orElse("") + "/" + a.slug());
        String byline = authors.findByArticle(a.id()).stream().map(au -> au.name()).collect(Collectors.joining(", "));
        String imageUrl = "";
        String alt = "";
        if (a.leadFigureId() != null) {
            Figure figure = figures.findById(a.leadFigureId()).orElse(null);
            if (figure != null) {
                imageUrl = absolute(figures.renditions(figure.id()).stream().filter(r -> r.width() >= IMAGE_WIDTH / 2)
                        .min(Comparator.comparingInt(r -> Math.abs(r.width() - IMAGE_WIDTH))).map(Rendition::src).orElse(figure.src()));
                alt = figure.alt();
            }
        }
        String language = a.language() == null || a.language().isBlank() ? "en" : a.language();
        String dir = Languages.direction(language);
        return new EmailStory(a.headline(), byline.isEmpty() ? "" : "By " + byline, a.standfirst(), imageUrl, alt,
                emailBody(a.bodyHtml(), fullBody), url, language, dir);
    }

    /**
     * The stored (sanitized) body made fit for mail: absolute addresses, no players or frames
     * (mail clients drop them), images as wide as the column; an excerpt keeps the first paragraphs.
     */
    private String emailBody(String bodyHtml, boolean full) {
        Document doc = Jsoup.parseBodyFragment(bodyHtml == null ? "" : bodyHtml, mailer.link("/"));
        doc.select("script, iframe, video, audio, object, embed, form, style").remove();
        if (!full) {
            List<Element> paragraphs = doc.body().select("> p");
            doc.body().empty();
            paragraphs.stream().filter(p -> !p.text().isBlank()).limit(EXCERPT_PARAGRAPHS).forEach(p -> doc.body().appendChild(p));
        }
        for (Element link : doc.select("a[href]")) {
            link.attr("href", link.absUrl("href"));
        }
        for (Element img : doc.select("img")) {
            img.attr("src", img.absUrl("src")).removeAttr("srcset").removeAttr("sizes").removeAttr("loading")
                    .attr("style", "display:block;max-width:100%;height:auto;border:0;");
        }
        for (Element p : doc.select("p")) {
            p.attr("style", "margin:0 0 16px;");
        }
        return doc.body().html();
    }

    private String absolute(String src) {
        return src.startsWith("http://") || src.startsWith("https://") ? src : mailer.link(src.startsWith("/") ? src : "/" + src);
    }

    /** The plain text alternative: everything the HTML says, in reading order. */
    private static String text(ReaderViews.NewsletterEmail mail) {
        StringBuilder text = new StringBuilder(mail.siteName()).append("\n").append("=".repeat(Math.min(60, mail.siteName().length()))).append("\n\n");
        for (EmailStory story : mail.stories()) {
            text.append(story.headline()).append("\n");
            if (!story.byline().isEmpty()) {
                text.append(story.byline()).append("\n");
            }
            text.append("\n");
            if (!story.standfirst().isEmpty()) {
                text.append(story.standfirst()).append("\n\n");
            }
            for (Element block : Jsoup.parseBodyFragment(story.bodyHtml()).body().children()) {
                if (!block.text().isBlank()) {
                    text.append(block.text()).append("\n\n");
                }
            }
            text.append("Read on the site: ").append(story.url()).append("\n\n").append("-".repeat(20)).append("\n\n");
        }
        return text.append(mail.reason()).append("\n")
                .append("Change what you get: ").append(mail.preferencesUrl()).append("\n")
                .append("Unsubscribe with one click: ").append(mail.unsubscribeUrl()).append("\n\n")
                .append(mail.siteName()).append("\n").append(mail.postalAddress()).append("\n").toString();
    }
}
