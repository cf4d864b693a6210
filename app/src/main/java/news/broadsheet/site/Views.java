package news.broadsheet.site;

import java.util.List;

import news.broadsheet.content.FollowLink;

/** The small records templates receive. Every string in them is plain text unless its name ends in Html. */
public final class Views {

    private Views() {
    }

    /** {@code navPages} follow the sections in the main navigation; {@code footerPages} are the footer's links (About, Contact…). */
    public record Chrome(String siteName, String tagline, List<Link> sections, List<FollowLink> follow, int year,
                         news.broadsheet.readers.ReaderViews.SubscribeForm subscribe, String language, String logoSrc,
                         List<Link> navPages, List<Link> footerPages) {
        /** Pages without the footer subscribe box (error pages). */
        public Chrome(String siteName, String tagline, List<Link> sections, List<FollowLink> follow, int year) {
            this(siteName, tagline, sections, follow, year, null, "en", null, List.of(), List.of());
        }

        /** Text direction of the site's default language. */
        public String direction() {
            return PageViews.direction(language);
        }
    }

    public record Link(String text, String href) {
    }

    /**
     * A static page (About, Contact…): no section, byline, comments or related stories.
     *
     * @param updated when it last changed after publication, or null
     * @param jsonLd  schema.org WebPage, already safe inside a script element
     */
    public record StaticPage(Chrome chrome, String headline, String standfirst, Time updated, FigureView lead, String bodyHtml,
                             String lang, String dir, String canonicalUrl, String headTitle, String headDescription, String jsonLd) {
    }

    public record Time(String iso, String text) {
    }

    /** A story's social card overrides; a null field means "as the page": search title, description, lead image. */
    public record SocialCardView(String title, String description, String imageSrc, String imageAlt) {

        static final SocialCardView NONE = new SocialCardView(null, null, null, null);
    }

    /** A correction or update on a story, with the date it was made. */
    public record CorrectionView(String text, Time date) {
    }

    /** {@code imageSrcset} is null when the image has no renditions. */
    public record Card(String href, String headline, String standfirst, Link section, Time published,
                       String imageSrc, String imageAlt, String lang, String dir, int comments, String imageSrcset) {
    }

    /** {@code srcset} and {@code sizes} are null when the figure has no renditions. */
    public record FigureView(String src, String alt, String caption, String credit, Integer width, Integer height,
                             String srcset, String sizes) {
    }

    /**
     * @param byline       the partner's writers with the outlet, "By Sam Rourke, Coast Courier"; empty when the feed named none
     * @param published    when the original was published, as its source says; null when it did not say
     * @param updated      when the original was last updated, null when never or not said
     * @param authors      the partner's writers, for the structured data of the original
     */
    public record AttributionView(String sourceName, String sourceHomeUrl, String originalUrl, String taken, Time retrieved,
                                  String byline, Time published, Time updated, List<String> authors) {
    }

    public record Pagination(int number, int lastNumber, String previousHref, String nextHref) {
    }

    public record HomePage(Chrome chrome, Card lead, List<Card> latest, List<SectionBlock> sections) {
    }

    public record SectionBlock(Link section, List<Card> cards) {
    }

    public record ListingPage(Chrome chrome, String title, String kicker, String description, List<Card> cards,
                              Pagination pagination, String canonicalPath) {
    }

    public record ArticlePage(
            Chrome chrome,
            String headline,
            String standfirst,
            Link section,
            List<Link> authors,
            Time published,
            Time updated,
            FigureView lead,
            String bodyHtml,
            List<Link> tags,
            AttributionView attribution,
            List<Card> related,
            String lang,
            String dir,
            String canonicalUrl,
            String seoTitle,
            String seoDescription) {

        /** What the page's head and shares call the story: the newsroom's search title, else the headline. */
        public String headTitle() {
            return seoTitle == null || seoTitle.isBlank() ? headline : seoTitle;
        }

        /** The search description, else the standfirst. */
        public String headDescription() {
            return seoDescription == null || seoDescription.isBlank() ? standfirst : seoDescription;
        }
    }

    public record ErrorPage(Chrome chrome, int status, String title, String message) {
    }
}
