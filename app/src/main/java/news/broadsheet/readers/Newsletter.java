package news.broadsheet.readers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import jakarta.mail.SendFailedException;
import news.broadsheet.content.Article;
import news.broadsheet.content.ArticleRepository;
import news.broadsheet.content.ArticleStatus;
import news.broadsheet.content.ChangeEvent;
import news.broadsheet.content.SectionRepository;
import news.broadsheet.content.SettingsRepository;
import news.broadsheet.readers.MailingRepository.Mailing;
import news.broadsheet.readers.MemberRepository.Frequency;
import news.broadsheet.readers.MemberRepository.Member;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The newsletter. Publishing a story creates a mailing for members who want each story; the
 * digest creates one a day for the others. One recurring db-scheduler task (run by one node at
 * a time, resumed after any restart) works through unfinished mailings in batches: a batch's
 * delivery rows are written BEFORE its messages go to SMTP, and the primary key on (mailing,
 * member) means a member with a row is never mailed again for that mailing. A crash between
 * writing the rows and recording the outcomes leaves them SENDING: such rows are "uncertain"
 * (the SMTP server may or may not have accepted each) and deliberately not retried, because a
 * duplicate is worse than a missing message; a crash costs at most one batch. When the SMTP
 * server cannot be reached, nothing was accepted, so those claims are released and retried.
 */
@Component
class Newsletter {

    private static final Logger log = LoggerFactory.getLogger(Newsletter.class);
    static final Duration FRESH = Duration.ofDays(1);

    private final MailingRepository mailings;
    private final MemberRepository members;
    private final ArticleRepository articles;
    private final SectionRepository sections;
    private final SettingsRepository siteSettings;
    private final ReaderSettings settings;
    private final Members memberLinks;
    private final Mailer mailer;
    private final Clock clock;
    private final AtomicBoolean sending = new AtomicBoolean();

    Newsletter(MailingRepository mailings, MemberRepository members, ArticleRepository articles, SectionRepository sections,
               SettingsRepository siteSettings, ReaderSettings settings, Members memberLinks, Mailer mailer, Clock clock) {
        this.mailings = mailings;
        this.members = members;
        this.articles = articles;
        this.sections = sections;
        this.siteSettings = siteSettings;
        this.settings = settings;
        this.memberLinks = memberLinks;
        this.mailer = mailer;
        this.clock = clock;
    }

    /** Only fresh stories go out: re-publishing an old one or loading an archive mails nobody. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(ChangeEvent event) {
        if (event.kind() != ChangeEvent.Kind.ARTICLE_PUBLISHED || event.articleId() == null) {
            return;
        }
        articles.findById(event.articleId())
                .filter(a -> a.status() == ArticleStatus.PUBLISHED && a.publishedAt() != null
                        && a.publishedAt().isAfter(clock.instant().minus(FRESH)))
                .filter(a -> members.anyRecipients(Frequency.EACH))
                .ifPresent(a -> mailings.createOnce("article:" + a.id(), Frequency.EACH, a.headline(), List.of(a.id()), null, clock.instant()));
    }

    /** Creates today's digest once the configured hour has passed in the site's time zone. */
    void digestIfDue() {
        ReaderSettings.Values values = settings.current();
        ZonedDateTime now = clock.instant().atZone(siteSettings.site().timeZone());
        String key = "digest:" + now.toLocalDate();
        if (now.getHour() < values.digestHour() || mailings.exists(key) || !members.anyRecipients(Frequency.DAILY)) {
            return;
        }
        List<Long> fresh = articles.latestPublished(50).stream()
                .filter(a -> a.publishedAt() != null && a.publishedAt().isAfter(clock.instant().minus(FRESH)))
                .map(a -> a.id()).toList();
        if (!fresh.isEmpty()) {
            mailings.createOnce(key, Frequency.DAILY, siteSettings.site().name() + ": the day's stories, " + now.toLocalDate(), fresh, null, clock.instant());
        }
    }

    /**
     * Works through every unfinished mailing; safe to run again at any point. One sender per node
     * at a time: the startup kick and the recurring task must not overlap here, while senders on
     * other nodes are kept apart by the delivery rows' primary key.
     */
    void sendPending() {
        if (!sending.compareAndSet(false, true)) {
            return;
        }
        try {
            sendAll();
        } finally {
            sending.set(false);
        }
    }

    private void sendAll() {
        ReaderSettings.Values values = settings.current();
        for (Mailing mailing : mailings.unfinished()) {
            Body body = compose(mailing, mailing.articleIds().stream().map(articles::findById).flatMap(Optional::stream).toList());
            if (mailing.testAddress() != null) {
                mailer.send(body.to(mailing.testAddress(), null));
                mailings.finish(mailing.id(), clock.instant());
                continue;
            }
            long after = 0;
            while (true) {
                List<Member> batch = members.recipients(mailing.id(), mailing.frequency(), mailing.createdAt(), after, values.batchSize());
                if (batch.isEmpty()) {
                    break;
                }
                after = batch.getLast().id();
                if (!deliver(mailing, body, batch, values)) {
                    return; // the SMTP server is unreachable: the next run starts again where this one stopped
                }
            }
            mailings.finish(mailing.id(), clock.instant());
        }
    }

    /**
     * One batch: claim every row in one transaction, send over one SMTP connection, record the
     * outcomes in one transaction. Two commits per batch instead of two per member is what makes
     * 100,000 members fit in minutes on a durable (synchronous) database; the price is that a
     * crash mid-batch leaves up to a batch of rows SENDING, each of them not resent.
     */
    private boolean deliver(Mailing mailing, Body body, List<Member> batch, ReaderSettings.Values values) {
        long started = System.nanoTime();
        List<Member> claimed = mailings.claimAll(mailing.id(), batch, clock.instant());
        Map<Member, Mailer.Mail> mails = new LinkedHashMap<>();
        claimed.forEach(m -> mails.put(m, body.to(m.email(), memberLinks.unsubscribeUrl(m.id()))));
        Map<Member, Exception> failed = new LinkedHashMap<>();
        mailer.sendAll(mails, failed);
        List<Member> unreached = failed.entrySet().stream().filter(e -> !hasCause(e.getValue(), SendFailedException.class))
                .map(Map.Entry::getKey).toList();
        List<Member> sent = claimed.stream().filter(m -> !failed.containsKey(m)).toList();
        mailings.recordAll(mailing.id(), sent, failed, unreached);
        failed.forEach((member, e) -> {
            if (!unreached.contains(member)) {
                members.hardBounce(member.id(), values.bounceLimit());
            }
            log.warn("Newsletter {} to member {} failed: {}", mailing.id(), member.id(), e.getMessage());
        });
        if (!unreached.isEmpty()) {
            return false;
        }
        if (values.ratePerSecond() > 0) {
            long wait = claimed.size() * 1_000_000_000L / values.ratePerSecond() - (System.nanoTime() - started);
            if (wait > 0) {
                try {
                    Thread.sleep(Duration.ofNanos(wait));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while sending", e);
                }
            }
        }
        return true;
    }

    /** The part of a mailing every member shares, built once: the stories cost queries. */
    private record Body(String subject, String text, String html) {
        Mailer.Mail to(String address, String unsubscribeUrl) {
            if (unsubscribeUrl == null) {
                return new Mailer.Mail(address, subject, text, html, null);
            }
            return new Mailer.Mail(address, subject, text + "Unsubscribe with one click: " + unsubscribeUrl + "\n",
                    html + "<p><a href=\"" + Mailer.escape(unsubscribeUrl) + "\">Unsubscribe</a></p>", unsubscribeUrl);
        }
    }

    private Body compose(Mailing mailing, List<Article> stories) {
        String site = siteSettings.site().name();
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<h1>").append(Mailer.escape(site)).append("</h1>");
        for (Article a : stories) {
            String link = mailer.link("/" + sections.findById(a.sectionId()).map(s -> s.slug()).orElse("") + "/" + a.slug());
            text.append(a.headline()).append("\n").append(a.standfirst()).append("\nRead it: ").append(link).append("\n\n");
            html.append("<h2><a href=\"").append(Mailer.escape(link)).append("\">").append(Mailer.escape(a.headline()))
                    .append("</a></h2><p>").append(Mailer.escape(a.standfirst())).append("</p>");
        }
        return new Body(mailing.subject(), text.toString(), html.toString());
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * After a crash the recurring task's execution stays "picked" by the dead node until
     * db-scheduler declares it dead (minutes), so a starting node resumes sending at once.
     */
    @EventListener(ApplicationReadyEvent.class)
    void resumeAfterStart() {
        Thread.ofVirtual().name("newsletter-resume").start(this::sendPending);
    }

    @Configuration(proxyBeanMethods = false)
    static class Jobs {
        @Bean
        RecurringTask<Void> newsletterSender(Newsletter newsletter) {
            return Tasks.recurring("newsletter-sender", Schedules.fixedDelay(Duration.ofSeconds(3)))
                    .execute((instance, context) -> {
                        newsletter.digestIfDue();
                        newsletter.sendPending();
                    });
        }
    }
}
