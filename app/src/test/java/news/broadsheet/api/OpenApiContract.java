package news.broadsheet.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document as served, used as a contract: a response to an operation is validated
 * (JSON Schema 2020-12, networknt) against the schema the document names for that operation's
 * answer with that status, so the document and the code cannot drift apart unnoticed.
 */
final class OpenApiContract {

    private static final String BASE = "https://broadsheet.invalid/api/v1/openapi.json";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonNode document;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new HashMap<>();

    OpenApiContract(String documentText) {
        this.document = JSON.readTree(documentText);
        this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(Map.of(BASE, documentText)));
    }

    JsonNode document() {
        return document;
    }

    /** Checks {@code body}, the answer with {@code status} to GET {@code pathTemplate}, against the document; returns it parsed. */
    JsonNode check(String pathTemplate, int status, String body) {
        JsonNode operation = document.path("paths").path(pathTemplate).path("get");
        assertThat(operation.isMissingNode()).as("the document describes GET " + pathTemplate).isFalse();
        JsonNode schemaRef = operation.path("responses").path(String.valueOf(status)).path("content").path("application/json")
                .path("schema").path("$ref");
        assertThat(schemaRef.isString()).as("GET " + pathTemplate + " documents a JSON body for " + status).isTrue();
        Schema schema = schemas.computeIfAbsent(schemaRef.asString(), ref -> registry.getSchema(SchemaLocation.of(BASE + ref)));
        JsonNode parsed = JSON.readTree(body);
        List<Error> errors = schema.validate(parsed);
        assertThat(errors).as("GET " + pathTemplate + " " + status + " against " + schemaRef.asString() + ": " + body).isEmpty();
        return parsed;
    }
}
