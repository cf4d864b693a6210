package news.broadsheet.migration;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar broadsheet.jar --broadsheet.data-dir=DIR --broadsheet.import=FILE [--broadsheet.import.media-dir=DIR]}:
 * imports, printing progress and then the report, and exits (1 on a fatal error) without serving
 * anything; {@code BroadsheetApplication} starts no web server for it.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ImportCommand implements ApplicationRunner {

    static final String OPTION = "broadsheet.import";

    private final WordPressImport importer;
    private final ImportProperties properties;
    private final ConfigurableApplicationContext context;

    ImportCommand(WordPressImport importer, ImportProperties properties, ConfigurableApplicationContext context) {
        this.importer = importer;
        this.properties = properties;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (args.containsOption(OPTION)) {
            int code = execute(Path.of(args.getOptionValues(OPTION).getFirst()), properties.mediaDir(), System.out, System.err);
            System.exit(SpringApplication.exit(context, () -> code));
        }
    }

    /** Runs the import; 0 when it finished (warnings or not), 1 when it could not. */
    int execute(Path file, Path mediaDir, PrintStream out, PrintStream err) {
        if (!Files.isRegularFile(file)) {
            err.println("No export file at " + file);
            return 1;
        }
        if (mediaDir != null && !Files.isDirectory(mediaDir)) {
            err.println("No media directory at " + mediaDir);
            return 1;
        }
        long started = System.nanoTime();
        try {
            ImportReport report = importer.run(file, mediaDir, (index, what) -> {
                if ((index + 1) % 1_000 == 0) {
                    out.println("  " + (index + 1) + " items read (" + what + ")");
                }
            });
            double seconds = (System.nanoTime() - started) / 1e9;
            long posts = report.get("posts") + report.get("pages");
            out.printf("Imported %s in %.1f s (%.0f posts/s)%n", file.getFileName(), seconds, posts / Math.max(seconds, 0.001));
            out.print(report.summary());
            return 0;
        } catch (WxrReader.MalformedExport e) {
            err.println(e.getMessage());
            return 1;
        } catch (IOException | RuntimeException e) {
            err.println("Import stopped: " + e);
            return 1;
        }
    }
}
