package news.broadsheet.demo;

import java.util.List;

/** The shape of demo/demo-content.json. */
record DemoContent(SiteInfo site, List<SectionInfo> sections, List<AuthorInfo> authors, List<PartnerInfo> partners,
                   List<ArticleInfo> articles, List<PageInfo> pages) {

    record SiteInfo(String name, String tagline, String timeZone, List<Follow> follow) {
    }

    record Follow(String network, String url) {
    }

    record SectionInfo(String slug, String name, String description) {
    }

    record AuthorInfo(String slug, String name, String bio) {
    }

    record PartnerInfo(String key, String name, String homeUrl) {
    }

    record FigureInfo(String key, String alt, String caption, String credit) {
    }

    record EmbedInfo(String url, String provider, String title) {
    }

    record Took(boolean text, boolean images) {
    }

    /** A static page (About, Contact…), published and linked from the footer and/or navigation. */
    record PageInfo(String slug, String headline, String standfirst, String body, boolean footer, boolean navigation, int position) {
    }

    record ArticleInfo(String slug, String section, String headline, String standfirst, List<String> authors,
                       List<String> tags, String language, int publishedHoursAgo, Integer updatedHoursAgo,
                       FigureInfo lead, List<FigureInfo> figures, List<EmbedInfo> embeds, String body,
                       String partner, String originalUrl, Took took, String translationOf) {
    }
}
