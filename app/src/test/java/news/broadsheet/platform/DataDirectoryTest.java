package news.broadsheet.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import news.broadsheet.BroadsheetApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two instances side by side, each with its own port and its own data directory. */
class DataDirectoryTest {

    @Test
    void commandLineChoosesPortAndDataDirectory(@TempDir Path first, @TempDir Path second) throws Exception {
        try (ConfigurableApplicationContext a = start(first); ConfigurableApplicationContext b = start(second)) {
            assertThat(first.resolve("broadsheet.db")).isRegularFile();
            assertThat(second.resolve("broadsheet.db")).isRegularFile();
            String port = a.getEnvironment().getProperty("local.server.port");
            assertThat(port).isNotEqualTo(b.getEnvironment().getProperty("local.server.port"));
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            String journal = a.getBean(JdbcClient.class).sql("PRAGMA journal_mode").query(String.class).single();
            assertThat(journal).isEqualToIgnoringCase("wal");
            assertThat(a.getBean(JdbcClient.class).sql("PRAGMA foreign_keys").query(Integer.class).single()).isEqualTo(1);
            assertThat(Files.list(first).map(p -> p.getFileName().toString())).contains("broadsheet.db");
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return SpringApplication.run(BroadsheetApplication.class,
                "--server.port=0", "--broadsheet.data-dir=" + dataDir, "--broadsheet.demo.enabled=false",
                "--spring.datasource.url=");
    }
}
