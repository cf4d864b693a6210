package news.broadsheet.platform;

import org.apache.catalina.Host;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TomcatConfiguration {

    /**
     * One write per page: Tomcat's default 8 KB write buffer splits a 16 KB article page into two
     * socket writes, which cost a quarter of the cached path's throughput in the reader-path bench.
     * The buffer is held per open connection, hence the connection cap in application.properties.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> writeBuffer(@Value("${broadsheet.http.write-buffer-bytes:32768}") int bytes) {
        return factory -> factory.addConnectorCustomizers(connector -> connector.setProperty("socket.appWriteBufSize", Integer.toString(bytes)));
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> plainErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            if (host instanceof StandardHost standard) {
                standard.setErrorReportValveClass(PlainErrorReportValve.class.getName());
            }
        });
    }
}
