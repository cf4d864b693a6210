package news.broadsheet.search;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar broadsheet.jar --broadsheet.search.rebuild}: rebuilds the index from the
 * database, printing progress, then exits. Runs after migrations and the demo load, before the
 * index follower starts; the server must be stopped (the index lock says so if it is not).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class RebuildCommand implements ApplicationRunner {

    static final String OPTION = "broadsheet.search.rebuild";

    private final IndexFollower follower;
    private final ConfigurableApplicationContext context;

    RebuildCommand(IndexFollower follower, ConfigurableApplicationContext context) {
        this.follower = follower;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (args.containsOption(OPTION)) {
            follower.rebuild(System.out::println);
            System.exit(SpringApplication.exit(context, () -> 0));
        }
    }
}
