import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Slow-client load for bench/slow-clients.sh. SOCKETS connections each send a request head one
 * byte every INTERVAL seconds and reconnect PAUSE milliseconds after the server closes them (a
 * persistent attacker, not one that gives up; 0 makes it a connection flood as well). Meanwhile a normal reader fetches PATH on a new connection
 * five times a second; its latencies are reported before the attack, and during it once every
 * slow socket has connected at least once.
 *
 *   java bench/SlowClients.java PORT [SOCKETS=2100] [INTERVAL=10] [SECONDS=30] [PAUSE=0] [PATH=/]
 */
public class SlowClients {

    static final byte[] HEAD = "GET / HTTP/1.1\r\nHost: localhost\r\nUser-Agent: slow\r\nX-Padding: ".getBytes(StandardCharsets.US_ASCII);

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int sockets = args.length > 1 ? Integer.parseInt(args[1]) : 2100;
        int interval = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        long pause = args.length > 4 ? Long.parseLong(args[4]) : 0;
        String path = args.length > 5 ? args[5] : "/";

        report("before the attack", probe(port, path, 10));

        AtomicInteger connectedOnce = new AtomicInteger();
        LongAdder connects = new LongAdder();
        LongAdder closedByServer = new LongAdder();
        var attackers = Executors.newVirtualThreadPerTaskExecutor();
        for (int i = 0; i < sockets; i++) {
            attackers.submit(() -> trickle(port, interval, pause, connectedOnce, connects, closedByServer));
        }
        long rampStart = System.nanoTime();
        while (connectedOnce.get() < sockets && System.nanoTime() - rampStart < 60_000_000_000L) {
            Thread.sleep(100);
        }
        System.out.printf("%d of %d slow sockets connected after %.1f s%n", connectedOnce.get(), sockets, (System.nanoTime() - rampStart) / 1e9);
        long connectsBefore = connects.sum();
        List<Long> during = probe(port, path, seconds);
        report("during the attack (" + sockets + " sockets, a byte every " + interval + " s, reconnecting after " + pause + " ms)", during);
        System.out.printf("slow sockets: %d connects and %d closed by the server during the %d s measured%n",
                connects.sum() - connectsBefore, closedByServer.sum(), seconds);
        attackers.shutdownNow();
        System.exit(0);
    }

    static void trickle(int port, int interval, long pause, AtomicInteger connectedOnce, LongAdder connects, LongAdder closedByServer) {
        boolean first = true;
        while (!Thread.currentThread().isInterrupted()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 30_000);
                connects.increment();
                if (first) {
                    connectedOnce.incrementAndGet();
                    first = false;
                }
                socket.setSoTimeout(interval * 1000);
                OutputStream out = socket.getOutputStream();
                InputStream in = socket.getInputStream();
                for (int sent = 0; ; sent++) {
                    out.write(sent < HEAD.length ? HEAD[sent] : 'x');
                    out.flush();
                    try {
                        if (in.read() == -1) {
                            break;
                        }
                    } catch (SocketTimeoutException stillOpen) {
                        // the pause between two bytes
                    }
                }
                closedByServer.increment();
            } catch (IOException closedOrRefused) {
                closedByServer.increment();
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException stop) {
                return;
            }
        }
    }

    /** Milliseconds per request, or -1 for a failed one, five requests a second for the given time. */
    static List<Long> probe(int port, String path, int seconds) throws InterruptedException {
        List<Long> latencies = new ArrayList<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(request);
                byte[] response = socket.getInputStream().readAllBytes();
                boolean ok = new String(response, 0, Math.min(response.length, 12), StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200");
                latencies.add(ok ? (System.nanoTime() - start) / 1_000_000 : -1);
            } catch (IOException e) {
                latencies.add(-1L);
            }
            Thread.sleep(200);
        }
        return latencies;
    }

    static void report(String label, List<Long> latencies) {
        List<Long> ok = new ArrayList<>(latencies.stream().filter(l -> l >= 0).toList());
        Collections.sort(ok);
        long failed = latencies.size() - ok.size();
        long overOneSecond = ok.stream().filter(l -> l > 1000).count();
        if (ok.isEmpty()) {
            System.out.printf("%s: %d requests, all failed%n", label, latencies.size());
            return;
        }
        System.out.printf("%s: %d requests, p50 %d ms, p99 %d ms, max %d ms, %d over 1 s, %d failed%n", label, latencies.size(),
                ok.get(ok.size() / 2), ok.get(Math.min(ok.size() - 1, (int) Math.ceil(ok.size() * 0.99) - 1)), ok.getLast(), overOneSecond, failed);
    }
}
