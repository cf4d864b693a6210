package news.broadsheet;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class BroadsheetApplication {

    public static void main(String[] args) {
        if (java.util.Arrays.stream(args).anyMatch(a -> a.startsWith("--broadsheet.import="))) {
            // An import from the command line serves nothing (port -1: the web context without a server), and an
            // empty site gets no demo stories. System properties: above application.properties, below the command line.
            System.setProperty("server.port", "-1");
            System.setProperty("broadsheet.demo.enabled", "false");
        }
        SpringApplication.run(BroadsheetApplication.class, args);
    }
}
