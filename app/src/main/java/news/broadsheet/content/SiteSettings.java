package news.broadsheet.content;

import java.time.ZoneId;
import java.util.List;

/**
 * Settings admins change in the newsroom and every page shows.
 *
 * @param tagline   the site's one-line description, under the name and in search results
 * @param language  the BCP 47 tag of the site's language, for pages that are not one story's
 * @param logoSrc   the logo image's address, or null for the name in type
 */
public record SiteSettings(String name, String tagline, ZoneId timeZone, List<FollowLink> followLinks, String language, String logoSrc) {
}
