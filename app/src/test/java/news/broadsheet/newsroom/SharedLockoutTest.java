package news.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import news.broadsheet.platform.RateLimiter;

/**
 * Several nodes on one PostgreSQL, behind a balancer that sends each request anywhere: the
 * limits are counted in the database, so an attacker gains nothing by landing on another node.
 * The second node here is a second limiter on the same database, as another server's would be.
 * (On SQLite there is one node, and its limits are counted in memory: RateLimiterTest, SignInTest.)
 */
@EnabledIf("news.broadsheet.IntegrationTest#onPostgres")
class SharedLockoutTest extends NewsroomTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient db;

    @Test
    void fiveWrongPasswordsSpreadOverTwoNodesLockTheAccountOnBoth() {
        Staff victim = staff(StaffRole.EDITOR);
        RateLimiter otherNode = RateLimiter.inPostgres(dataSource);
        StaffClient attacker = new StaffClient(port);
        for (int i = 0; i < 3; i++) {
            assertThat(attacker.signIn(victim.email(), "guess " + i).headers().firstValue("location").orElseThrow())
                    .endsWith("/newsroom/login?error");
        }
        assertThat(otherNode.available(NewsroomSignIn.ACCOUNT_FAILURES, victim.email())).as("three failures seen there too").isTrue();
        // The other node's failure handler counts its two wrong passwords (the address typed in capitals, as people do).
        String typed = victim.email().toUpperCase(java.util.Locale.ROOT);
        for (int i = 0; i < 2; i++) {
            otherNode.tryAcquire(NewsroomSignIn.ACCOUNT_FAILURES, StaffAccounts.normalizeEmail(typed));
        }

        assertThat(otherNode.available(NewsroomSignIn.ACCOUNT_FAILURES, victim.email())).isFalse();
        assertThat(attacker.signIn(victim.email(), PASSWORD).headers().firstValue("location").orElseThrow())
                .as("this node refuses even the right password").endsWith("/newsroom/login?locked");
        assertThat(db.sql("SELECT COUNT(*) FROM rate_limit_buckets WHERE id = :id")
                .param("id", NewsroomSignIn.ACCOUNT_FAILURES.name() + ":" + victim.email()).query(Long.class).single())
                .as("one row, shared").isEqualTo(1);
    }

    @Test
    void aSuccessfulSignInOnOneNodeClearsTheFailuresCountedOnAnother() {
        Staff member = staff(StaffRole.AUTHOR);
        RateLimiter otherNode = RateLimiter.inPostgres(dataSource);
        for (int i = 0; i < 4; i++) {
            otherNode.tryAcquire(NewsroomSignIn.ACCOUNT_FAILURES, member.email());
        }
        assertThat(new StaffClient(port).signIn(member.email(), PASSWORD).headers().firstValue("location").orElseThrow())
                .endsWith("/newsroom");
        for (int i = 0; i < 4; i++) {
            assertThat(otherNode.tryAcquire(NewsroomSignIn.ACCOUNT_FAILURES, member.email())).as("failure %d after the reset", i).isTrue();
        }
    }

    @Test
    void twoLimitersOnOneDatabaseShareOneBucketPerKeyAndKeepKeysApart() {
        RateLimiter.Limit threePerHour = new RateLimiter.Limit("shared-test", 3, Duration.ofHours(1));
        RateLimiter a = RateLimiter.inPostgres(dataSource);
        RateLimiter b = RateLimiter.inPostgres(dataSource);
        String key = "198.51.100." + System.nanoTime() % 250;
        assertThat(a.tryAcquire(threePerHour, key)).isTrue();
        assertThat(b.tryAcquire(threePerHour, key)).isTrue();
        assertThat(a.tryAcquire(threePerHour, key)).isTrue();
        assertThat(b.tryAcquire(threePerHour, key)).isFalse();
        assertThat(a.tryAcquire(threePerHour, key + "-other")).isTrue();
        b.reset(threePerHour, key);
        assertThat(a.tryAcquire(threePerHour, key)).isTrue();
    }
}
