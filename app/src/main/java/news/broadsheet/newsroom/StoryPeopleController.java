package news.broadsheet.newsroom;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import news.broadsheet.content.ArticleForEditing;
import news.broadsheet.content.ArticleService;
import news.broadsheet.content.ArticleStatus;
import news.broadsheet.content.SettingsRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mail.MailException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Notes on a story between its people, with {@code @someone@example.org} to mail a colleague, who
 * else has it open in the editor (a heartbeat, alongside the editor's own conflict check), and the
 * story's timing in the site's zone. Whoever may read the story may read and add its notes.
 * The panel joins the editor's model after the editor controller runs (as translations do), so
 * the editor itself knows nothing of notes.
 */
@Controller
class StoryPeopleController implements WebMvcConfigurer, HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(StoryPeopleController.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);
    /** An @ followed by an address; the address must belong to a staff member to mean anything. */
    private static final Pattern MENTION = Pattern.compile("(?<![\\w@])@([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)");
    private static final String NOTE_ERROR = "noteError";
    private static final String NOTE_TYPED = "noteTyped";

    private final ArticleService articles;
    private final StoryNotes notes;
    private final StaffRepository staff;
    private final StaffMail mail;
    private final SettingsRepository settings;
    private final StoryPresence presence;
    private final Clock clock;

    StoryPeopleController(ArticleService articles, StoryNotes notes, StaffRepository staff, StaffMail mail,
                          SettingsRepository settings, StoryPresence presence, Clock clock) {
        this.articles = articles;
        this.notes = notes;
        this.staff = staff;
        this.mail = mail;
        this.settings = settings;
        this.presence = presence;
        this.clock = clock;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/newsroom/articles/**");
    }

    @StaffOnly(StaffRole.CONTRIBUTOR)
    @PostMapping("/newsroom/articles/{id}/notes")
    String addNote(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id, @RequestParam(defaultValue = "") String text,
                   RedirectAttributes redirect) {
        ArticleForEditing article = readable(me, id);
        String note = text.strip();
        if (note.isEmpty() || note.length() > StoryNotes.MAX_LENGTH) {
            redirect.addFlashAttribute(NOTE_ERROR, "Write a note of up to " + StoryNotes.MAX_LENGTH + " characters.");
            redirect.addFlashAttribute(NOTE_TYPED, text);
            return "redirect:/newsroom/articles/" + id + "#notes";
        }
        notes.add(id, me.id(), me.displayName(), note, clock.instant());
        for (String address : mentioned(note)) {
            staff.findByEmail(address)
                    .filter(account -> account.id() != me.id() && Workflow.canRead(new StaffPrincipal(account), article))
                    .ifPresent(account -> {
                        try {
                            mail.mentioned(account.email(), me.displayName(), article.article().headline(), note, id);
                        } catch (MailException e) {
                            log.warn("Could not mail a mention on article {}: {}", id, e.getMessage());
                        }
                    });
        }
        return "redirect:/newsroom/articles/" + id + "#notes";
    }

    /**
     * The editor page's heartbeat (newsroom-presence.js): marks this person as editing the story
     * and answers who else is, for the page to show.
     */
    @StaffOnly(StaffRole.CONTRIBUTOR)
    @PostMapping(value = "/newsroom/articles/{id}/presence", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> heartbeat(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id) {
        ArticleForEditing article = articles.forEditing(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!Workflow.canEdit(me, article)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        Instant now = clock.instant();
        presence.seen(id, me.id(), now);
        List<String> others = presence.othersEditing(id, me.id(), now);
        return Map.of("editing", others, "text", StoryPresence.inWords(others));
    }

    static Set<String> mentioned(String note) {
        Set<String> addresses = new LinkedHashSet<>();
        Matcher m = MENTION.matcher(note);
        while (m.find()) {
            addresses.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        return addresses;
    }

    private ArticleForEditing readable(StaffPrincipal me, long id) {
        ArticleForEditing article = articles.forEditing(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!Workflow.canRead(me, article)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return article;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView mav) {
        if (mav == null || !("newsroom/editor".equals(mav.getViewName()) || "newsroom/story-read-only".equals(mav.getViewName()))) {
            return;
        }
        Long id = mav.getModel().get("page") instanceof NewsroomViews.EditorPage page ? page.articleId() : pathId(request);
        if (id == null) {
            return;
        }
        articles.forEditing(id).ifPresent(article -> mav.addObject("story", panel(article, request, mav.getModel())));
    }

    private StoryPanel panel(ArticleForEditing article, HttpServletRequest request, Map<String, Object> model) {
        ZoneId zone = settings.site().timeZone();
        long id = article.article().id();
        var shown = notes.forArticle(id).stream()
                .map(n -> new StoryPanel.Note(n.writer(), WHEN.format(n.createdAt().atZone(zone)), n.createdAt().toString(), n.text()))
                .toList();
        Instant scheduledAt = article.article().scheduledAt();
        String scheduledFor = article.article().status() == ArticleStatus.SCHEDULED && scheduledAt != null
                ? WHEN.format(scheduledAt.atZone(zone)) + " " + zone.getId() : "";
        Object error = model.get(NOTE_ERROR);
        Object typed = model.get(NOTE_TYPED);
        StaffPrincipal me = StaffPrincipal.current();
        String editingNow = me == null ? "" : StoryPresence.inWords(presence.othersEditing(id, me.id(), clock.instant()));
        return new StoryPanel(id, shown, zoneLabel(zone, clock.instant()), scheduledFor, NewsroomController.csrf(request),
                typed == null ? "" : typed.toString(), error == null ? "" : error.toString(), editingNow);
    }

    /** "Europe/London, UTC+00:00": the zone's name and its offset now, so nobody has to know what the name means. */
    static String zoneLabel(ZoneId zone, Instant now) {
        String offset = zone.getRules().getOffset(now).getId();
        return zone.getId() + ", UTC" + ("Z".equals(offset) ? "+00:00" : offset);
    }

    private static Long pathId(HttpServletRequest request) {
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> vars
                && vars.get("id") instanceof String id && id.matches("\\d{1,18}")) {
            return Long.parseLong(id);
        }
        return null;
    }
}
