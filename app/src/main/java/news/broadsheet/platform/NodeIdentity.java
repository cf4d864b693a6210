package news.broadsheet.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;

import org.springframework.boot.info.BuildProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Who this node is: its name ({@link NodeProperties}, or host:port once the web server has its
 * port), the version it runs and when it started. Several nodes on one database tell themselves
 * apart by it (db-scheduler, the Nodes panel).
 */
@Component
public class NodeIdentity {

    private final String configuredName;
    private final String version;
    private final Instant startedAt;
    private volatile int port;

    NodeIdentity(NodeProperties properties, ObjectProvider<BuildProperties> build, Clock clock) {
        this.configuredName = properties.name();
        BuildProperties info = build.getIfAvailable();
        this.version = info == null || info.getVersion() == null ? "development" : info.getVersion();
        this.startedAt = clock.instant();
    }

    @EventListener
    void on(WebServerInitializedEvent started) {
        port = started.getWebServer().getPort();
    }

    public String name() {
        if (!configuredName.isEmpty()) {
            return configuredName;
        }
        return host() + ":" + port;
    }

    public String version() {
        return version;
    }

    public Instant startedAt() {
        return startedAt;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
