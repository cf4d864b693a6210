package news.broadsheet.platform;

import java.util.List;

/** Origins a feature frames in the site's pages (https://…), added to the policy's frame-src. */
public interface FrameSources {
    List<String> origins();
}
