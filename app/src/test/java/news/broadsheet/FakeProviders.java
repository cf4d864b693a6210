package news.broadsheet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * One local HTTP server for the whole run that plays the embed providers: the application's
 * YouTube and Vimeo oEmbed endpoints point here in tests (see IntegrationTest), so no test asks the
 * internet. A test puts what the provider says about its own link under that link; anything else
 * is a 404, as a provider answers for a video that does not exist.
 */
public final class FakeProviders {

    /** A provider's answer: status, content type, body. */
    public record Answer(int status, String contentType, byte[] body) {
        public static Answer json(String json) {
            return new Answer(200, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static final HttpServer SERVER = start();
    private static final Map<String, Answer> OEMBED = new ConcurrentHashMap<>();
    private static final Map<String, Answer> FILES = new ConcurrentHashMap<>();
    /** Every path and query asked for, in order. */
    public static final List<String> REQUESTS = new CopyOnWriteArrayList<>();

    private FakeProviders() {
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", FakeProviders::answer);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            REQUESTS.add(path + (query == null ? "" : "?" + query));
            Answer answer = path.startsWith("/oembed/") ? OEMBED.get(path + " " + link(query)) : FILES.get(path);
            if (answer == null) {
                answer = new Answer(404, "text/plain", "no such thing".getBytes(StandardCharsets.UTF_8));
            }
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), answer.body().length);
            exchange.getResponseBody().write(answer.body());
        }
    }

    private static String link(String query) {
        for (String pair : query == null ? new String[0] : query.split("&")) {
            if (pair.startsWith("url=")) {
                return URLDecoder.decode(pair.substring(4), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    /** The address of a path on this server. */
    public static String url(String path) {
        return "http://127.0.0.1:" + SERVER.getAddress().getPort() + path;
    }

    /** The oEmbed endpoint the application uses for the provider ("youtube", "vimeo"). */
    public static String endpoint(String provider) {
        return url("/oembed/" + provider + "?format=json");
    }

    /** What the provider's oEmbed endpoint answers about the link. */
    public static void oembed(String provider, String link, Answer answer) {
        OEMBED.put("/oembed/" + provider + " " + link, answer);
    }

    /** A file the provider serves (a thumbnail, a page). */
    public static void file(String path, Answer answer) {
        FILES.put(path, answer);
    }
}
