import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;

/**
 * A local SMTP server for bench/newsletter.sh that accepts everything and delivers nothing: it
 * counts, per recipient and Message-ID, the messages whose DATA ended with "." and got "250" (a
 * message cut off mid-DATA was never accepted, as with a real MTA). Speaks what Jakarta Mail
 * needs: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT. GET /counts on the stats port lists
 * "address message-id count" lines; the same Message-ID twice is a message sent twice.
 *
 *   java bench/SmtpSink.java SMTP_PORT STATS_PORT
 */
public class SmtpSink {

    static final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    static final AtomicLong messages = new AtomicLong();

    public static void main(String[] args) throws Exception {
        HttpServer stats = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[1])), 16);
        stats.createContext("/counts", exchange -> {
            StringBuilder out = new StringBuilder();
            counts.forEach((address, n) -> out.append(address).append(' ').append(n.get()).append('\n'));
            byte[] body = out.toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(body);
            }
        });
        stats.createContext("/messages", exchange -> {
            byte[] body = (messages.get() + "\n").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(body);
            }
        });
        stats.start();
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 256);
            var pool = Executors.newVirtualThreadPerTaskExecutor();
            while (true) {
                Socket socket = server.accept();
                pool.submit(() -> session(socket));
            }
        }
    }

    static void session(Socket socket) {
        try (socket; var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1), 65536);
             OutputStream out = socket.getOutputStream()) {
            reply(out, "220 sink ESMTP");
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (verb) {
                    case "EHLO" -> reply(out, "250-sink\r\n250-8BITMIME\r\n250 SIZE 52428800");
                    case "HELO" -> reply(out, "250 sink");
                    case "MAIL", "RSET" -> {
                        recipients.clear();
                        reply(out, "250 OK");
                    }
                    case "RCPT" -> {
                        int open = line.indexOf('<');
                        int close = line.indexOf('>', open);
                        recipients.add(line.substring(open + 1, close).toLowerCase());
                        reply(out, "250 OK");
                    }
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        String data;
                        String id = "(none)";
                        boolean headers = true;
                        while ((data = in.readLine()) != null && !data.equals(".")) {
                            if (data.isEmpty()) {
                                headers = false; // the body is not kept
                            } else if (headers && data.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                                id = data.substring(11).strip();
                            }
                        }
                        if (data == null) {
                            return; // cut off mid-message: not accepted, not counted
                        }
                        String messageId = id;
                        recipients.forEach(r -> counts.computeIfAbsent(r + " " + messageId, k -> new AtomicLong()).incrementAndGet());
                        messages.incrementAndGet();
                        recipients.clear();
                        reply(out, "250 OK queued");
                    }
                    case "NOOP" -> reply(out, "250 OK");
                    case "QUIT" -> {
                        reply(out, "221 Bye");
                        return;
                    }
                    default -> reply(out, "502 Command not implemented");
                }
            }
        } catch (Exception e) {
            // a client that goes away mid-session is the point of the crash test
        }
    }

    static void reply(OutputStream out, String text) throws java.io.IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }
}
