package news.broadsheet.media;

import news.broadsheet.platform.BroadsheetProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one media store, chosen by {@code broadsheet.media.store}. */
@Configuration(proxyBeanMethods = false)
class MediaConfiguration {

    @Bean
    MediaStore mediaStore(MediaProperties media, BroadsheetProperties broadsheet) {
        return switch (media.store()) {
            case LOCAL -> new LocalMediaStore(broadsheet.mediaDir());
            case S3 -> new S3MediaStore(media.s3());
        };
    }
}
