package news.broadsheet.readers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The newsletter. Publishing a story creates a mailing for members who want each story; the
 * digest creates one a day for the others. One recurring db-scheduler task (run by one node at
 * a time, resumed after any restart) works through unfinished mailings in batches: each
 * member's delivery row is written BEFORE the message goes to SMTP, and the primary key on
 * (mailing, member) means a member with a row is never mailed again for that mailing. A crash
 * between writing the row and the SMTP server accepting the message leaves the row SENDING:
 * such rows are "uncertain" and deliberately not retried, because a duplicate is worse than
 * the at most one message per crash that may be missing.
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

    /** Works through every unfinished mailing; safe to run again at any point. */
    void sendPending() {
        ReaderSettings.Values values = settings.current();
        for (Mailing mailing : mailings.unfinished()) {
            List<Article> stories = mailing.articleIds().stream().map(articles::findById).flatMap(Optional::stream).toList();
            if (mailing.testAddress() != null) {
                mailer.send(compose(mailing, stories, mailing.testAddress(), null));
                mailings.finish(mailing.id(), clock.instant());
                continue;
            }
            long after = 0;
            while (true) {
                List<Member> batch = members.recipients(mailing.id(), mailing.frequency(), mailing.createdAt(), after, values.batchSize());
                if (batch.isEmpty()) {
                    break;
                }
                for (Member member : batch) {
                    after = member.id();
                    if (mailings.claim(mailing.id(), member.id(), clock.instant())) {
                        deliver(mailing, stories, member, values);
                    }
                }
            }
            mailings.finish(mailing.id(), clock.instant());
        }
    }

    private void deliver(Mailing mailing, List<Article> stories, Member member, ReaderSettings.Values values) {
        long started = System.nanoTime();
        try {
            mailer.send(compose(mailing, stories, member.email(), memberLinks.unsubscribeUrl(member.id())));
            mailings.record(mailing.id(), member.id(), "SENT", null);
        } catch (RuntimeException e) {
            if (!Mailer.isMailFailure(e)) {
                throw e;
            }
            boolean hard = hasCause(e, SendFailedException.class);
            mailings.record(mailing.id(), member.id(), hard ? "BOUNCED" : "FAILED", e.getMessage());
            if (hard) {
                members.hardBounce(member.id(), values.bounceLimit());
            }
            log.warn("Newsletter {} to member {} failed: {}", mailing.id(), member.id(), e.getMessage());
        }
        if (values.ratePerSecond() > 0) {
            long wait = 1_000_000_000L / values.ratePerSecond() - (System.nanoTime() - started);
            if (wait > 0) {
                try {
                    Thread.sleep(Duration.ofNanos(wait));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while sending", e);
                }
            }
        }
    }

    private Mailer.Mail compose(Mailing mailing, List<Article> stories, String to, String unsubscribeUrl) {
        String site = siteSettings.site().name();
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<h1>").append(Mailer.escape(site)).append("</h1>");
        List<String> seen = new ArrayList<>();
        for (Article a : stories) {
            String link = mailer.link("/" + sections.findById(a.sectionId()).map(s -> s.slug()).orElse("") + "/" + a.slug());
            seen.add(link);
            text.append(a.headline()).append("\n").append(a.standfirst()).append("\nRead it: ").append(link).append("\n\n");
            html.append("<h2><a href=\"").append(Mailer.escape(link)).append("\">").append(Mailer.escape(a.headline()))
                    .append("</a></h2><p>").append(Mailer.escape(a.standfirst())).append("</p>");
        }
        if (unsubscribeUrl != null) {
            text.append("Unsubscribe with one click: ").append(unsubscribeUrl).append("\n");
            html.append("<p><a href=\"").append(Mailer.escape(unsubscribeUrl)).append("\">Unsubscribe</a></p>");
        }
        return new Mailer.Mail(to, mailing.subject(), text.toString(), html.toString(), unsubscribeUrl);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
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
