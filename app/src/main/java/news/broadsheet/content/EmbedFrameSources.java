package news.broadsheet.content;

import java.util.List;

import org.springframework.stereotype.Component;

import news.broadsheet.platform.FrameSources;

/** The embed providers' players are the frames pages may show (after a click). */
@Component
class EmbedFrameSources implements FrameSources {

    @Override
    public List<String> origins() {
        return EmbedProviders.frameOrigins();
    }
}
