package news.broadsheet.readers;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import news.broadsheet.content.Article;
import news.broadsheet.readers.CommentRepository.Comment;
import news.broadsheet.readers.ReaderViews.ArticleExtras;
import news.broadsheet.readers.ReaderViews.CommentForm;
import news.broadsheet.readers.ReaderViews.CommentView;
import news.broadsheet.readers.ReaderViews.Gate;
import news.broadsheet.readers.ReaderViews.SubscribeForm;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.springframework.stereotype.Component;

/** What the public article page and story lists need from readers: thread, form, gate, counts. */
@Component
public class ReaderPages {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH);

    private final CommentRepository comments;
    private final Comments rules;
    private final ReaderSettings settings;
    private final FormTokens forms;
    private final Clock clock;

    ReaderPages(CommentRepository comments, Comments rules, ReaderSettings settings, FormTokens forms, Clock clock) {
        this.comments = comments;
        this.rules = rules;
        this.settings = settings;
        this.forms = forms;
        this.clock = clock;
    }

    /** Approved comment counts by article id (articles without comments are absent). */
    public Map<Long, Integer> commentCounts(Collection<Long> articleIds) {
        return comments.approvedCounts(articleIds);
    }

    /**
     * Readers' part of an article page for whoever is asking (anonymous, member or staff). For
     * a gated article and a reader who may not read it all, the withheld part of a hard gate is
     * simply not in what we return, so it cannot reach the HTML.
     */
    /** The footer's subscribe box on every public page; none for members and staff, who have what it offers. */
    public SubscribeForm footerSubscribe() {
        if (MemberSession.currentMemberId().isPresent() || MemberSession.isStaff()) {
            return null;
        }
        return new SubscribeForm(forms.issue("subscribe", 0), "/", "Get the newsletter",
                "Every story by email as it is published, or one daily digest. Unsubscribe with one click.");
    }

    public ArticleExtras forArticle(Article article, String path, String headline) {
        ReaderSettings.Values values = settings.current();
        Optional<String> closed = rules.closedReason(article, values);
        List<Comment> approved = comments.approvedForArticle(article.id());
        boolean mayReadAll = MemberSession.currentMemberId().isPresent() || MemberSession.isStaff();
        boolean gated = !mayReadAll && isGated(article, values);
        SubscribeForm subscribe = mayReadAll ? null : new SubscribeForm(forms.issue("subscribe", 0), path,
                "Subscribe to keep reading", "Subscribe now to keep reading and get access to the full archive. "
                + "One email per story or a daily digest; unsubscribe with one click.");
        Gate gate = null;
        if (gated) {
            gate = split(article.bodyHtml(), values.freeParagraphs(), values.gateMode() == ReaderSettings.GateMode.HARD);
        } else if (!mayReadAll && values.promptEnabled()) {
            gate = split(article.bodyHtml(), values.freeParagraphs(), false);
        }
        CommentForm form = closed.isPresent() ? null : new CommentForm("/comments", forms.issue("comment", article.id()), article.id(),
                "", "", "", null, MemberSession.currentMemberId().isPresent(), List.of());
        return new ArticleExtras(closed.isEmpty(), closed.orElse(""), thread(approved, values.maxDepth(), closed.isEmpty()),
                approved.size(), form, gate, subscribe, gate != null && !gated);
    }

    /** A story's body as an anonymous reader gets it; {@code complete} is false when a hard gate withholds the rest. */
    public record AnonymousBody(String html, boolean complete) {
    }

    /**
     * What a reader with no session may read of the story: the whole body, or only its free
     * paragraphs when it is gated and the gate is hard (a soft gate shows everyone the whole story).
     * For callers that serve content to machines, which are always anonymous readers.
     */
    public AnonymousBody anonymousBody(Article article) {
        ReaderSettings.Values values = settings.current();
        if (values.gateMode() != ReaderSettings.GateMode.HARD || !isGated(article, values)) {
            return new AnonymousBody(article.bodyHtml(), true);
        }
        return new AnonymousBody(split(article.bodyHtml(), values.freeParagraphs(), true).visibleHtml(), false);
    }

    boolean isGated(Article article, ReaderSettings.Values values) {
        if (comments.options(article.id(), article.sectionId()).subscribersOnly()) {
            return true;
        }
        return values.gateAfterDays() > 0 && article.publishedAt() != null
                && article.publishedAt().plus(Duration.ofDays(values.gateAfterDays())).isBefore(clock.instant());
    }

    /**
     * The first {@code free} paragraphs, then the rest (null when withheld). Every top-level node
     * lands on one side: ingested bodies are often bare text or inline markup without a block
     * around it, and a run of such nodes counts as one paragraph.
     */
    static Gate split(String bodyHtml, int free, boolean hard) {
        Element body = Jsoup.parseBodyFragment(bodyHtml).body();
        StringBuilder visible = new StringBuilder();
        StringBuilder rest = new StringBuilder();
        StringBuilder target = visible;
        int paragraphs = 0;
        boolean inInlineRun = false;
        for (Node node : body.childNodes()) {
            boolean blank = node instanceof TextNode text && text.isBlank();
            boolean inline = !blank && !(node instanceof Element element && element.isBlock());
            if (blank) {
                target.append(node.outerHtml());
                continue;
            }
            if (inline) {
                if (!inInlineRun) {
                    target = paragraphs < free ? visible : rest;
                    paragraphs++;
                    inInlineRun = true;
                }
                target.append(node.outerHtml());
                continue;
            }
            inInlineRun = false;
            target = paragraphs < free ? visible : rest;
            target.append(node.outerHtml()).append('\n');
            if (((Element) node).tagName().equals("p")) {
                paragraphs++;
            }
        }
        return new Gate(visible.toString(), hard ? null : rest.toString(), hard);
    }

    static List<CommentView> thread(List<Comment> approved, int maxDepth, boolean open) {
        Map<Long, List<Comment>> children = new LinkedHashMap<>();
        List<Comment> roots = new ArrayList<>();
        for (Comment c : approved) {
            if (c.parentId() == null) {
                roots.add(c);
            } else {
                children.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c);
            }
        }
        return roots.stream().map(c -> view(c, children, maxDepth, open)).toList();
    }

    private static CommentView view(Comment c, Map<Long, List<Comment>> children, int maxDepth, boolean open) {
        List<CommentView> replies = children.getOrDefault(c.id(), List.of()).stream().map(r -> view(r, children, maxDepth, open)).toList();
        return new CommentView(c.id(), c.authorName(), c.memberId() != null, WHEN.format(c.createdAt().atZone(ZoneOffset.UTC)),
                c.createdAt().toString(), c.bodyHtml(), open && c.depth() + 1 < maxDepth, replies);
    }
}
