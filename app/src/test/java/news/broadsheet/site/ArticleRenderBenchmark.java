package news.broadsheet.site;

import java.nio.file.Files;
import java.util.concurrent.TimeUnit;

import news.broadsheet.BroadsheetApplication;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * One article page from stored rows to bytes: the controller's queries (article, section,
 * authors, tags, lead figure, attribution, related), the view records and the jte template,
 * through Spring MVC but without the page cache or the network. Run with bench/render-jmh.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx192m", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED"})
public class ArticleRenderBenchmark {

    static final String ARTICLE = "/world/ceasefire-talks-resume-in-geneva-as-aid-corridor-opens";

    private ConfigurableApplicationContext context;
    private MockMvc mvc;

    @Setup(Level.Trial)
    public void start() throws Exception {
        context = SpringApplication.run(BroadsheetApplication.class, "--server.port=0",
                "--broadsheet.data-dir=" + Files.createTempDirectory("render-bench"), "--logging.level.root=WARN");
        mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context).build();
        var response = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(ARTICLE)).andReturn().getResponse();
        if (response.getStatus() != 200 || !response.getContentAsString().contains("<h1 class=\"headline\">")) {
            throw new IllegalStateException("The benchmark article did not render: HTTP " + response.getStatus());
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        context.close();
    }

    @Benchmark
    public byte[] renderArticle() throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(ARTICLE))
                .andReturn().getResponse().getContentAsByteArray();
    }
}
