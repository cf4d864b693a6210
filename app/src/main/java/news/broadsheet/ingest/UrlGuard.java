package news.broadsheet.ingest;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
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

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            // Unique local (fc00::/7) is IPv6's private range; the JDK only knows the old fec0::/10.
            return (b[0] & 0xfe) != 0xfc;
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first != 0                                       // "this network"
                && !(first == 100 && second >= 64 && second < 128)  // carrier-grade NAT
                && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                && !(first == 198 && (second == 18 || second == 19))    // benchmarking
                && first < 240;                                      // reserved, broadcast
    }
}
