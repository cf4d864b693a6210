package news.broadsheet.ingest;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refuses URLs that would make the server fetch from itself or its network (SSRF): only http
 * and https, and every address the host resolves to must be public. The allow-list names
 * exact hosts or addresses that may be private anyway (the tests' 127.0.0.1 server).
 */
final class UrlGuard {

    /** Name resolution, replaceable so tests can play a DNS server that answers differently. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final InetAddress[] NOTHING_TO_PIN = new InetAddress[0];

    private final Set<String> allowed;
    private final Resolver resolver;

    UrlGuard(String allowList) {
        this(allowList, InetAddress::getAllByName);
    }

    UrlGuard(String allowList, Resolver resolver) {
        this.resolver = resolver;
        this.allowed = Arrays.stream(allowList == null ? new String[0] : allowList.split(","))
                .map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    /**
     * Returns the addresses the URI's host resolved to, all checked, if it may be fetched (none
     * for an allow-listed host, which needs no pin); otherwise throws with the reason.
     */
    InetAddress[] check(URI uri) throws FetchException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException("Refused " + uri + ": only http and https addresses can be fetched");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new FetchException("Refused " + uri + ": no host name");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (allowed.contains(host)) {
            return NOTHING_TO_PIN;
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new FetchException("Could not resolve host " + host);
        }
        for (InetAddress address : addresses) {
            if (!allowed.contains(address.getHostAddress().toLowerCase(Locale.ROOT)) && !isPublic(address)) {
                throw new FetchException("Refused " + uri + ": " + host + " resolves to the non-public address "
                        + address.getHostAddress());
            }
        }
        return addresses;
    }

    /**
     * Every range in IANA's IPv4 and IPv6 special-purpose address registries, whether or not the
     * registry calls it globally reachable: a feed has no business on any of them, and translation
     * prefixes (NAT64, 6to4, Teredo, IPv4-compatible) can carry a private IPv4 address inside.
     */
    static final List<String> SPECIAL_PURPOSE = List.of(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.0.2.0/24", "192.31.196.0/24", "192.52.193.0/24", "192.88.99.0/24",
            "192.168.0.0/16", "192.175.48.0/24", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24",
            "224.0.0.0/4", "240.0.0.0/4", "255.255.255.255/32",
            "::/96", "::ffff:0:0/96", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001::/23", "2001::/32",
            "2001:2::/48", "2001:10::/28", "2001:20::/28", "2001:db8::/32", "2002::/16", "2620:4f:8000::/48",
            "3fff::/20", "5f00::/16", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8");

    private record Range(byte[] prefix, int bits) {
        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int remainder = bits % 8;
            if (remainder == 0) {
                return true;
            }
            int mask = (0xff << (8 - remainder)) & 0xff;
            return (address[whole] & mask) == (prefix[whole] & mask);
        }
    }

    private static final List<Range> RANGES = SPECIAL_PURPOSE.stream().map(UrlGuard::range).toList();

    static Range range(String cidr) {
        int slash = cidr.indexOf('/');
        String literal = cidr.substring(0, slash);
        byte[] prefix;
        try {
            // Literals only: getByName parses them without a lookup.
            prefix = InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(cidr, e);
        }
        if (literal.contains(":") && prefix.length == 4) {
            // The JDK turns ::ffff:a.b.c.d into an IPv4 address; the range itself is IPv6.
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(prefix, 0, mapped, 12, 4);
            prefix = mapped;
        }
        int bits = Integer.parseInt(cidr.substring(slash + 1));
        if (bits > prefix.length * 8) {
            throw new IllegalArgumentException(cidr + ": prefix longer than the address");
        }
        return new Range(prefix, bits);
    }

    static boolean isPublic(InetAddress address) {
        byte[] bytes = address.getAddress();
        for (Range range : RANGES) {
            if (range.contains(bytes)) {
                return false;
            }
        }
        return true;
    }
}
