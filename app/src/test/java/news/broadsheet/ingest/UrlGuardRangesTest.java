package news.broadsheet.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SSRF guard refuses every IANA special-purpose range, IPv4 and IPv6, and nothing public. */
class UrlGuardRangesTest {

    @ParameterizedTest(name = "{0} is not public")
    @ValueSource(strings = {
            "0.1.2.3", "10.0.0.1", "100.64.0.1", "127.0.0.1", "169.254.169.254", "172.16.0.1", "172.31.255.255",
            "192.0.0.8", "192.0.2.1", "192.31.196.1", "192.52.193.1", "192.88.99.1", "192.168.1.1", "192.175.48.1",
            "198.18.0.1", "198.19.255.1", "198.51.100.1", "203.0.113.1", "224.0.0.1", "239.255.255.250", "240.0.0.1",
            "255.255.255.255",
            "::", "::1", "::127.0.0.1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::7f00:1", "64:ff9b::808:808",
            "64:ff9b:1::1", "100::1", "2001::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "2001:2::1", "2001:10::1",
            "2001:20::1", "2001:db8::1", "2002:7f00:1::1", "2002:c0a8:101::1", "2620:4f:8000::1", "3fff::1",
            "5f00::1", "fc00::1", "fd12:3456::1", "fe80::1", "fec0::1", "ff02::1"})
    void specialPurposeAddressesAreRefused(String literal) throws Exception {
        assertThat(UrlGuard.isPublic(InetAddress.getByName(literal))).isFalse();
    }

    @ParameterizedTest(name = "{0} is public")
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "93.184.216.34", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111",
            "2a00:1450:4001:81b::200e", "2001:4860:4860::8888"})
    void publicAddressesPass(String literal) throws Exception {
        assertThat(UrlGuard.isPublic(InetAddress.getByName(literal))).isTrue();
    }

    @ParameterizedTest(name = "every registry entry {0} refuses its first address")
    @org.junit.jupiter.params.provider.MethodSource("ranges")
    void everyRegistryEntryIsCovered(String cidr) throws Exception {
        String first = cidr.substring(0, cidr.indexOf('/'));
        assertThat(UrlGuard.isPublic(InetAddress.getByName(first))).isFalse();
    }

    @org.junit.jupiter.api.Test
    void anIpv4MappedAddressKeptInItsIpv6FormIsRefused() throws Exception {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 8;
        mapped[13] = 8;
        mapped[14] = 8;
        mapped[15] = 8;
        assertThat(UrlGuard.isPublic(java.net.Inet6Address.getByAddress(null, mapped, -1))).isFalse();
    }

    static java.util.List<String> ranges() {
        return UrlGuard.SPECIAL_PURPOSE;
    }
}
