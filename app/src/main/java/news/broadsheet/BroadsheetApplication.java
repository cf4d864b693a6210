package news.broadsheet;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class BroadsheetApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(BroadsheetApplication.class);
        if (java.util.Arrays.stream(args).anyMatch(a -> a.startsWith("--broadsheet.import="))) {
            // An import from the command line serves nothing, and an empty site gets no demo stories.
            application.setWebApplicationType(org.springframework.boot.WebApplicationType.NONE);
            application.setDefaultProperties(java.util.Map.of("broadsheet.demo.enabled", "false"));
        }
        application.run(args);
    }
}
