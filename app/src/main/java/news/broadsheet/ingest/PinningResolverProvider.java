package news.broadsheet.ingest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Closes the DNS-rebinding gap in the SSRF guard. The guard resolves a host and checks every
 * address; the HTTP client then resolves the host again to connect, and a hostile DNS server can
 * answer the second time with 127.0.0.1 or a metadata address. While a fetch runs, its host is
 * pinned here to the addresses the guard checked, and the JVM's resolver (this provider,
 * installed through {@code META-INF/services}) answers the client's lookup from the pin instead
 * of asking DNS again. Hosts no fetch has pinned resolve as usual, so nothing else in the server
 * (database, mail) is affected. Public only because {@link java.util.ServiceLoader} requires it.
 */
public final class PinningResolverProvider extends InetAddressResolverProvider {

    private record Pin(List<InetAddress> addresses, int holders) {
    }

    private static final Map<String, Pin> PINS = new ConcurrentHashMap<>();
    private static volatile boolean installed;

    /** A pin held for the length of one request; closing it lets the host resolve normally again. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Pins the host to the checked addresses until the returned handle closes. Concurrent fetches
     * of one host share a pin; the guard checked whichever set they saw, so the first one stands.
     */
    static Held pin(String host, InetAddress[] checked) {
        if (checked.length == 0) {
            return () -> { };
        }
        String key = host.toLowerCase(Locale.ROOT);
        PINS.compute(key, (k, pin) -> pin == null ? new Pin(List.of(checked), 1) : new Pin(pin.addresses(), pin.holders() + 1));
        return () -> PINS.computeIfPresent(key, (k, pin) -> pin.holders() == 1 ? null : new Pin(pin.addresses(), pin.holders() - 1));
    }

    /** The addresses a host is pinned to right now, if a fetch holds a pin on it. */
    static List<InetAddress> pinned(String host) {
        Pin pin = PINS.get(host.toLowerCase(Locale.ROOT));
        return pin == null ? null : pin.addresses();
    }

    /** False when something resolved a name before this provider could be installed: then pins are not consulted. */
    static boolean installed() {
        try {
            // The JVM loads its resolver on the first lookup; make sure that has happened.
            InetAddress.getAllByName("localhost");
        } catch (UnknownHostException ignored) {
            // no localhost entry: the resolver was still loaded by trying
        }
        return installed;
    }

    @Override
    public InetAddressResolver get(Configuration configuration) {
        InetAddressResolver builtin = configuration.builtinResolver();
        installed = true;
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                List<InetAddress> addresses = pinned(host);
                if (addresses == null) {
                    return builtin.lookupByName(host, policy);
                }
                int family = policy.characteristics();
                List<InetAddress> allowed = addresses.stream()
                        .filter(a -> a instanceof java.net.Inet4Address ? (family & LookupPolicy.IPV4) != 0 : (family & LookupPolicy.IPV6) != 0)
                        .toList();
                if (allowed.isEmpty()) {
                    throw new UnknownHostException(host + " (no checked address of the requested family)");
                }
                return allowed.stream();
            }

            @Override
            public String lookupByAddress(byte[] address) throws UnknownHostException {
                return builtin.lookupByAddress(address);
            }
        };
    }

    @Override
    public String name() {
        return "broadsheet-ingest-pinning";
    }
}
