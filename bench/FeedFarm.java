import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The feed server for bench/ingest-poll.sh: N distinct RSS feeds at /feed/{i}.xml on 127.0.0.1.
 * Every feed carries an ETag. Feeds whose number is a multiple of CHANGE_EVERY publish a new
 * story on every request; the others answer 304 to a conditional GET with their current ETag.
 * Each story is a different text (so near-duplicate detection finds no twins), long enough to be
 * fingerprinted, with full text in content:encoded (so no page fetch is needed).
 *
 *   java bench/FeedFarm.java PORT FEEDS [CHANGE_EVERY=10]
 */
public class FeedFarm {

    private static final String[] WORDS = ("harbour council ferry storm channel mayor budget school river bridge market "
            + "fishermen station railway library museum festival tide pier lighthouse bakery cafe hospital clinic road "
            + "tunnel quay dock crane cargo vessel captain crew season winter summer autumn spring vote meeting plan "
            + "report inquiry court judge police fire brigade volunteer trust charity garden park forest hill valley "
            + "village town city district county island coast beach cliff path cycle bus tram fare ticket price rent "
            + "house flat estate farm barn field harvest grain wine cheese bread fish oyster mussel salmon trout eel").split(" ");

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        int feeds = Integer.parseInt(args[1]);
        int changeEvery = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        AtomicIntegerArray versions = new AtomicIntegerArray(feeds);
        LongAdder ok = new LongAdder();
        LongAdder notModified = new LongAdder();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/feed/", exchange -> {
            try (exchange) {
                String name = exchange.getRequestURI().getPath().substring("/feed/".length());
                int i;
                try {
                    i = Integer.parseInt(name.substring(0, name.length() - ".xml".length()));
                } catch (RuntimeException e) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                if (i < 0 || i >= feeds) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                String sent = exchange.getRequestHeaders().getFirst("If-None-Match");
                int version = i % changeEvery == 0 && sent != null ? versions.incrementAndGet(i) : versions.get(i);
                String etag = "\"" + i + "-" + version + "\"";
                if (etag.equals(sent)) {
                    notModified.increment();
                    exchange.sendResponseHeaders(304, -1);
                    return;
                }
                byte[] body = feed(i, version).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
                exchange.getResponseHeaders().set("ETag", etag);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
                ok.increment();
            } catch (IOException e) {
                // the poller hung up; nothing to do
            }
        });
        server.createContext("/stats", exchange -> {
            try (exchange) {
                byte[] body = ("200 " + ok.sum() + "\n304 " + notModified.sum() + "\n").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
        System.out.println("FeedFarm serving " + feeds + " feeds on port " + server.getAddress().getPort());
    }

    private static String feed(int i, int version) {
        Random random = new Random(i * 1_000_003L + version);
        StringBuilder text = new StringBuilder("<p>");
        for (int w = 0; w < 120; w++) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(w % 15 == 14 ? ". " : " ");
        }
        text.append("</p>");
        String link = "https://partner-" + i + ".example/story/" + version;
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">"
                + "<channel><title>Partner " + i + "</title><link>https://partner-" + i + ".example/</link><description>Feed " + i
                + "</description><item><guid isPermaLink=\"false\">story-" + i + "-" + version + "</guid><title>Story " + version
                + " from partner " + i + "</title><link>" + link + "</link><description>Summary.</description><content:encoded><![CDATA["
                + text + "]]></content:encoded></item></channel></rss>";
    }
}
