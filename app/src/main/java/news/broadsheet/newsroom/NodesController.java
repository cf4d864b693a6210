package news.broadsheet.newsroom;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import news.broadsheet.cluster.Nodes;
import news.broadsheet.content.SettingsRepository;
import news.broadsheet.newsroom.DeskViews.NodeRow;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The nodes serving the site from one database, for Admins: which are live, what they run, and
 * how far each node's search index trails the change log. The desk shows the same table.
 */
@Controller
@StaffOnly(StaffRole.ADMIN)
class NodesController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss", Locale.ENGLISH);

    private final Nodes nodes;
    private final SettingsRepository settings;

    NodesController(Nodes nodes, SettingsRepository settings) {
        this.nodes = nodes;
        this.settings = settings;
    }

    @GetMapping("/newsroom/nodes")
    String nodes(Model model) {
        model.addAttribute("nodes", rows(nodes, settings.site().timeZone()));
        return "newsroom/nodes";
    }

    static List<NodeRow> rows(Nodes nodes, ZoneId zone) {
        return nodes.all().stream()
                .map(n -> new NodeRow(n.name(), n.version(), WHEN.format(n.startedAt().atZone(zone)),
                        WHEN.format(n.heartbeatAt().atZone(zone)), n.appliedSequence(), n.lag(), n.gone() ? "gone" : "live"))
                .toList();
    }
}
