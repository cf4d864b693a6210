package news.broadsheet.readers;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import jakarta.mail.MessagingException;
import news.broadsheet.content.ArticleRepository;
import news.broadsheet.content.ArticleStatus;
import news.broadsheet.content.ChangeEvent;
import news.broadsheet.content.SettingsRepository;
import news.broadsheet.platform.BroadsheetProperties;
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
 * digest creates one a day for the others. One recurring db-scheduler task (and a run right
 * after start) works through unfinished mailings: batches of members go out over a few SMTP
 * connections at once, and every message moves through its own delivery row, written before
 * anything reaches SMTP and committed at each step:
 * <ol>
 * <li>SENDING, claimed: the primary key on (mailing, member) keeps any other sender off it;</li>
 * <li>UNCERTAIN, after the whole message has been written but before the "." that ends DATA;</li>
 * <li>SENT (250), BOUNCED (5xx: a hard bounce), DEFERRED (4xx: again later, with backoff).</li>
 * </ol>
 * A crash therefore leaves rows whose fate is known: SENDING rows were never accepted (the
 * server drops a message whose "." never came) and are resent after the restart, under the same
 * Message-ID. Only an UNCERTAIN row, at most one per connection, is in doubt: the crash came
 * after the mark, and the "." follows the mark within microseconds, so the server almost surely
 * has the message; it is not resent. The one loss left is a crash inside those microseconds.
 * A connection that breaks after the "." without a reply is another matter: the sender is alive
 * and knows no 250 came, so the message is deferred and sent again, as mail servers do.
 */
@Component
class Newsletter {

    private static final Logger log = LoggerFactory.getLogger(Newsletter.class);
    static final Duration FRESH = Duration.ofDays(1);
    /** Waits before the 2nd, 3rd, … attempt after a 4xx; after the last the delivery FAILED. */
    static final List<Duration> RETRIES = List.of(Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(8));
    /** Another node's SENDING row untouched this long belongs to a node that died (SMTP timeouts are seconds). */
    private static final Duration ABANDONED = Duration.ofMinutes(10);
    static final ReentrantLock NODE_SENDER = new ReentrantLock();

    private final MailingRepository mailings;
    private final MemberRepository members;
    private final ArticleRepository articles;
    private final SettingsRepository siteSettings;
    private final ReaderSettings settings;
    private final Members memberLinks;
    private final Mailer mailer;
    private final NewsletterComposer composer;
    private final Clock clock;
    private final BroadsheetProperties properties;
    private final String node;
    private Faults faults = (fault, messageId) -> { };

    Newsletter(MailingRepository mailings, MemberRepository members, ArticleRepository articles,
               SettingsRepository siteSettings, ReaderSettings settings, Members memberLinks, Mailer mailer, NewsletterComposer composer,
               Clock clock, BroadsheetProperties properties) {
        this.mailings = mailings;
        this.members = members;
        this.articles = articles;
        this.siteSettings = siteSettings;
        this.settings = settings;
        this.memberLinks = memberLinks;
        this.mailer = mailer;
        this.composer = composer;
        this.clock = clock;
        this.properties = properties;
        this.node = nodeName(properties);
    }

    /** Stable across restarts, distinct for instances side by side (each has its own data directory). */
    private static String nodeName(BroadsheetProperties properties) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        String name = host + ":" + properties.dataDir();
        return name.length() <= 300 ? name : name.substring(name.length() - 300);
    }

    /**
     * Only stories whose editor chose "Publish and email" at their first publication (now or
     * scheduled) go out, and only while fresh; the dedupe key keeps a republication from mailing again.
     */
    @TransactionalEventListener(fallbackExecution = true)
    void on(ChangeEvent event) {
        if (event.kind() != ChangeEvent.Kind.ARTICLE_PUBLISHED || event.articleId() == null) {
            return;
        }
        articles.findById(event.articleId())
                .filter(a -> a.status() == ArticleStatus.PUBLISHED && !a.isPage() && a.publishedAt() != null
                        && a.publishedAt().isAfter(clock.instant().minus(FRESH)))
                .filter(a -> articles.emailsSubscribers(a.id()) && members.anyRecipients(Frequency.EACH))
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
     * (JVM) at a time, so that while it holds the lock every SENDING row of this node is an
     * orphan of a crash; senders on other nodes are kept apart by the delivery rows.
     */
    void sendPending() {
        if (NODE_SENDER.tryLock()) {
            sendHoldingLock();
        }
    }

    /** As {@link #sendPending}, but waits for a run in progress instead of leaving the work to it. */
    void sendPendingAfterCurrentRun() {
        NODE_SENDER.lock();
        sendHoldingLock();
    }

    private void sendHoldingLock() {
        try {
            int released = mailings.releaseInterrupted(node, clock.instant().minus(ABANDONED), clock.instant());
            if (released > 0) {
                log.warn("Newsletter: {} messages were cut off before the end of DATA (a crash or a lost connection); sending them again", released);
            }
            sendAll();
        } finally {
            NODE_SENDER.unlock();
        }
    }

    private void sendAll() {
        ReaderSettings.Values values = settings.current();
        for (Mailing mailing : mailings.unfinished()) {
            if (values.postalAddress().isEmpty()) {
                log.warn("Newsletter: mailings are held until the postal address is set in the newsroom's reader settings");
                return; // the newsroom dashboard says so too (ReaderAttention)
            }
            NewsletterComposer.Composed body = composer.compose(mailing.subject(), mailing.articleIds().stream().map(articles::findById).flatMap(Optional::stream).toList(),
                    mailing.frequency() == Frequency.DAILY);
            if (mailing.testAddress() != null) {
                mailer.send(body.to(mailing.testAddress(), null));
                mailings.finish(mailing.id(), clock.instant());
                continue;
            }
            if (!send(mailing, body, values)) {
                return; // the SMTP server is unreachable: the next run starts again where this one stopped
            }
            if (mailings.unsettled(mailing.id()) == 0 && members.recipients(mailing.id(), mailing.frequency(),
                    mailing.createdAt(), 0, 1, clock.instant()).isEmpty()) {
                mailings.finish(mailing.id(), clock.instant());
            }
        }
    }

    /**
     * One pass over the members due for this mailing: batches of {@code batchSize} go to up to
     * {@code connections} SMTP connections at once, each batch over one connection.
     */
    private boolean send(Mailing mailing, NewsletterComposer.Composed body, ReaderSettings.Values values) {
        Semaphore connections = new Semaphore(values.connections());
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> crash = new AtomicReference<>();
        Pace pace = new Pace(values.ratePerSecond());
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            long after = 0;
            while (!stop.get()) {
                List<Member> batch = members.recipients(mailing.id(), mailing.frequency(), mailing.createdAt(), after,
                        values.batchSize(), clock.instant());
                if (batch.isEmpty()) {
                    break;
                }
                after = batch.getLast().id();
                connections.acquireUninterruptibly();
                senders.submit(() -> {
                    try {
                        if (!deliver(mailing, body, batch, values, pace, stop)) {
                            stop.set(true);
                        }
                    } catch (Throwable e) {
                        crash.compareAndSet(null, e);
                        stop.set(true);
                    } finally {
                        connections.release();
                    }
                });
            }
        }
        if (crash.get() instanceof Error e) {
            throw e;
        }
        if (crash.get() != null) {
            throw new IllegalStateException("Newsletter " + mailing.id() + " stopped", crash.get());
        }
        return !stop.get();
    }

    /** One batch over one SMTP connection; false when the server cannot be reached or the connection broke. */
    private boolean deliver(Mailing mailing, NewsletterComposer.Composed body, List<Member> batch, ReaderSettings.Values values, Pace pace, AtomicBoolean stop) {
        try (Mailer.Connection smtp = mailer.connect(); MailingRepository.DeliveryLog deliveries = mailings.log(node)) {
            for (Member member : batch) {
                if (stop.get()) {
                    return true;
                }
                pace.await();
                int attempt = deliveries.claim(mailing.id(), member.id(), clock.instant());
                if (attempt == 0) {
                    continue;
                }
                faults.reached(Fault.CLAIMED, messageId(mailing.id(), member.id()));
                Mailer.Mail mail = body.to(member.email(), memberLinks.unsubscribeUrl(member.id()));
                AtomicBoolean complete = new AtomicBoolean();
                Mailer.Reply reply;
                try {
                    reply = smtp.send(mail, messageId(mailing.id(), member.id()), Long.toString(mailing.id()), () -> {
                        deliveries.mark(mailing.id(), member.id(), "UNCERTAIN", null, null);
                        complete.set(true);
                    });
                } catch (MessagingException e) {
                    log.warn("Newsletter {}: the SMTP connection broke while sending to member {}: {}", mailing.id(), member.id(), e.getMessage());
                    if (complete.get()) {
                        // The "." went out but no reply came. SMTP puts the message in the server's hands only
                        // with the 250, so, as mail servers do, it goes again later (same Message-ID). Before
                        // the ".", the row is still SENDING and the next run sends it again.
                        deferOrFail(deliveries, mailing, member, attempt, "no reply to the final \".\": " + e.getMessage());
                    }
                    return false;
                }
                if (reply.accepted()) {
                    faults.reached(Fault.ACCEPTED, messageId(mailing.id(), member.id()));
                    deliveries.mark(mailing.id(), member.id(), "SENT", null, null);
                } else if (reply.code() / 100 == 5) {
                    deliveries.mark(mailing.id(), member.id(), "BOUNCED", reply.code() + " " + reply.text(), null);
                    members.hardBounce(member.id(), values.bounceLimit());
                    log.info("Newsletter {} to member {} bounced: {} {}", mailing.id(), member.id(), reply.code(), reply.text());
                } else {
                    deferOrFail(deliveries, mailing, member, attempt, reply.code() + " " + reply.text());
                }
            }
            return true;
        } catch (MessagingException e) {
            log.warn("Newsletter {}: cannot reach the SMTP server: {}", mailing.id(), e.getMessage());
            return false;
        }
    }

    private void deferOrFail(MailingRepository.DeliveryLog deliveries, Mailing mailing, Member member, int attempt, String error) {
        if (attempt <= RETRIES.size()) {
            deliveries.mark(mailing.id(), member.id(), "DEFERRED", error, clock.instant().plus(RETRIES.get(attempt - 1)));
        } else {
            deliveries.mark(mailing.id(), member.id(), "FAILED", error, null);
        }
    }

    /**
     * The same for every attempt at one member's copy of one mailing, so that a copy sent twice
     * (see the class comment for when) can be recognised as one message by whoever receives it.
     */
    static String messageId(long mailingId, long memberId) {
        return "newsletter." + mailingId + "." + memberId;
    }

    /** Spaces messages evenly across all connections to stay at {@code perSecond} (0: unlimited). */
    private static final class Pace {
        private final long interval;
        private final AtomicLong next = new AtomicLong(System.nanoTime());

        Pace(int perSecond) {
            this.interval = perSecond <= 0 ? 0 : 1_000_000_000L / perSecond;
        }

        void await() {
            if (interval == 0) {
                return;
            }
            long now = System.nanoTime();
            long slot = next.getAndAccumulate(now, (previous, current) -> Math.max(previous, current) + interval);
            if (slot > now) {
                try {
                    Thread.sleep(Duration.ofNanos(slot - now));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while sending", e);
                }
            }
        }
    }

    /**
     * After a crash the recurring task's execution stays "picked" by the dead node until
     * db-scheduler declares it dead (minutes), so a starting node resumes sending at once.
     */
    @EventListener(ApplicationReadyEvent.class)
    void resumeAfterStart() {
        Thread.ofVirtual().name("newsletter-resume").start(this::sendPendingAfterCurrentRun);
    }

    /**
     * Points in a message's delivery where tests make the sender fail as a crash would: after the
     * claim (nothing sent yet) and after the server accepted the message but before it is recorded.
     */
    enum Fault { CLAIMED, ACCEPTED }

    interface Faults {
        void reached(Fault fault, String messageId);
    }

    /** Tests only: a separate sender with another SMTP server and failures injected; the application's own has none. */
    Newsletter withMailer(Mailer otherMailer, Faults injected) {
        Newsletter copy = new Newsletter(mailings, members, articles, siteSettings, settings, memberLinks, otherMailer, composer, clock,
                properties);
        copy.faults = injected;
        return copy;
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
