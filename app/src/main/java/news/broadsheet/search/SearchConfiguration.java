package news.broadsheet.search;

import java.io.IOException;

import news.broadsheet.platform.BroadsheetProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    @Bean(destroyMethod = "close")
    SearchIndex searchIndex(BroadsheetProperties properties) throws IOException {
        return new SearchIndex(properties.dataDir().resolve("index"));
    }
}
