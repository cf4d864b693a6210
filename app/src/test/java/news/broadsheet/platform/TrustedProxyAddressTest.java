package news.broadsheet.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Trusted proxies are named by address only, never by a name the server would have to look up. */
class TrustedProxyAddressTest {

    @Test
    void addressesAreNormalisedToWhatTomcatReports() {
        assertThat(TomcatConfiguration.exactAddress("::1")).isEqualTo("\\Q0:0:0:0:0:0:0:1\\E");
        assertThat(TomcatConfiguration.exactAddress("10.0.0.5")).isEqualTo("\\Q10.0.0.5\\E");
    }

    @Test
    void namesAreRefusedEvenWhenTheyLookLikeHex() {
        for (String name : new String[] {"cafe", "proxy.internal", "10.0.5", "localhost"}) {
            assertThatThrownBy(() -> TomcatConfiguration.exactAddress(name)).as(name)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not an IP address");
        }
    }
}
