package news.broadsheet.content;

import java.time.ZoneId;
import java.util.List;

/** Settings editors change in the newsroom and every page shows. */
public record SiteSettings(String name, String tagline, ZoneId timeZone, List<FollowLink> followLinks) {
}
