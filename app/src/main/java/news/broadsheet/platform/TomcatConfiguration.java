package news.broadsheet.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TomcatConfiguration {

    /** See {@link HttpProperties} for why each of these differs from Tomcat's default. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> connectionLimits(HttpProperties http) {
        return factory -> {
            factory.setProtocol(HeadDeadlineProtocol.class.getName());
            factory.addConnectorCustomizers(connector -> {
                connector.setProperty("socket.appWriteBufSize", Integer.toString(http.writeBufferBytes()));
                ((HeadDeadlineProtocol) connector.getProtocolHandler()).setRequestHeadTimeout(http.requestHeadTimeout());
            });
        };
    }

    /**
     * Forwarded headers count only from the configured proxies. Tomcat's own default would trust
     * every private and loopback peer, which lets anyone on the network, or anything on the host,
     * choose the address the limiters see.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> trustedProxies(ProxyProperties proxies) {
        return factory -> {
            if (proxies.trustedProxies().isEmpty()) {
                return;
            }
            RemoteIpValve valve = new RemoteIpValve();
            valve.setInternalProxies(proxies.trustedProxies().stream().map(TomcatConfiguration::exactAddress).collect(Collectors.joining("|")));
            valve.setRemoteIpHeader("X-Forwarded-For");
            valve.setProtocolHeader("X-Forwarded-Proto");
            factory.addEngineValves(valve);
        };
    }

    static String exactAddress(String address) {
        // An IPv6 literal (it has a colon) or a dotted IPv4 quad, so getByName parses and never looks
        // a name up: "cafe" is all hex digits, and a host name, too.
        if (!address.matches("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*|\\d{1,3}(\\.\\d{1,3}){3}")) {
            throw new IllegalArgumentException("broadsheet.proxy.trusted-proxies: '" + address + "' is not an IP address");
        }
        try {
            // Normalised so "::1" and "0:0:0:0:0:0:0:1" name the same peer Tomcat reports.
            return Pattern.quote(InetAddress.getByName(address).getHostAddress());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("broadsheet.proxy.trusted-proxies: '" + address + "' is not an IP address", e);
        }
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> plainErrorReports(ContentSecurityPolicyProperties policy,
                                                                                List<FrameSources> frames) {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                // Spring Boot's own customizer (it runs first) adds a bare ErrorReportValve when stack
                // traces are off; this one takes its place rather than sitting behind it.
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve.getClass() == ErrorReportValve.class) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                // An instance, so it can carry the policy; naming its class keeps the host from adding
                // one of its own when it starts (it adds one only if none of that class is there).
                host.setErrorReportValveClass(PlainErrorReportValve.class.getName());
                host.getPipeline().addValve(new PlainErrorReportValve(policy.header(frames)));
            }
        });
    }
}
