package news.broadsheet.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param name this node's name among the nodes sharing one database: db-scheduler records it on
 *             the executions it picks, and the newsroom's Nodes panel lists nodes by it. Must be
 *             unique per node. Empty (the default) means host name and HTTP port, e.g.
 *             {@code web-2:8080}.
 */
@ConfigurationProperties("broadsheet.node")
public record NodeProperties(String name) {

    public NodeProperties {
        name = name == null ? "" : name.strip();
    }
}
