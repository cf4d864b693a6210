package news.broadsheet.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Finds, in production code, what only the bench scripts need: a {@code Bench*} class, a class in a
 * {@code bench} package, or any file naming a {@code broadsheet.bench.*} property (a class's
 * constants hold the names in its annotations, so a bench hook under any other name is found too).
 * The bench components live in the test sources and are added by {@code bench/server.sh}.
 */
final class ProductionCode {

    private static final byte[] BENCH_PROPERTY = "broadsheet.bench".getBytes(StandardCharsets.US_ASCII);
    /** The application's own modules inside the executable jar; third-party libraries are not ours to police. */
    private static final String OWN_LIBRARIES = "BOOT-INF/lib/broadsheet-";

    private ProductionCode() {
    }

    /** The bench traces in a directory of classes and resources, or in a jar (with the application's nested module jars). */
    static List<String> benchTraces(Path location) throws IOException {
        List<String> traces = new ArrayList<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    check(location.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file), traces);
                }
            }
        } else {
            try (InputStream in = Files.newInputStream(location)) {
                scanJar(location.getFileName() + "!/", in, traces);
            }
        }
        return traces;
    }

    private static void scanJar(String prefix, InputStream in, List<String> traces) throws IOException {
        ZipInputStream zip = new ZipInputStream(in); // not closed: for a nested jar that would close the outer one
        for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
            String path = entry.getName();
            if (entry.isDirectory()) {
                continue;
            }
            if (path.startsWith(OWN_LIBRARIES) && path.endsWith(".jar")) {
                scanJar(prefix + path + "!/", zip, traces);
            } else if (!path.startsWith("BOOT-INF/lib/")) {
                check(prefix + path, zip.readAllBytes(), traces);
            }
        }
    }

    private static void check(String path, byte[] content, List<String> traces) {
        String file = path.substring(path.lastIndexOf('/') + 1);
        if (path.endsWith(".class") && (file.startsWith("Bench") || path.contains("/bench/"))) {
            traces.add(path);
        } else if (contains(content, BENCH_PROPERTY)) {
            traces.add(path + " (names a broadsheet.bench property)");
        }
    }

    private static boolean contains(byte[] content, byte[] part) {
        for (int i = 0; i + part.length <= content.length; i++) {
            if (content[i] == part[0] && Arrays.equals(content, i, i + part.length, part, 0, part.length)) {
                return true;
            }
        }
        return false;
    }
}
