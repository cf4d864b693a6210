package news.broadsheet.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A real HTTP server on 127.0.0.1 for the tests: each path answers with whatever the test put there. */
final class FeedServer implements AutoCloseable {

    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final Map<String, Handler> routes = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    final Map<String, String> lastHeaders = new ConcurrentHashMap<>();

    FeedServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.add(path);
            exchange.getRequestHeaders().forEach((k, v) -> lastHeaders.put(k.toLowerCase(), String.join(",", v)));
            Handler handler = routes.get(path);
            try (exchange) {
                if (handler == null) {
                    send(exchange, 404, "text/plain", "not here");
                } else {
                    handler.handle(exchange);
                }
            } catch (IOException e) {
                // the client hung up (size caps, timeouts): expected in some tests
            }
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    FeedServer on(String path, Handler handler) {
        routes.put(path, handler);
        return this;
    }

    FeedServer serve(String path, String contentType, String body) {
        return on(path, x -> send(x, 200, contentType, body));
    }

    /** Serves bytes as they are (a fixture in an odd encoding), with any extra headers. */
    FeedServer serve(String path, String contentType, byte[] body, Map<String, String> headers) {
        return on(path, x -> {
            headers.forEach((k, v) -> x.getResponseHeaders().set(k, v));
            x.getResponseHeaders().set("Content-Type", contentType);
            x.sendResponseHeaders(200, body.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        });
    }

    long hits(String path) {
        return requests.stream().filter(path::equals).count();
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
