package io.heed.playbook;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads {@code playbook.yaml}, remembering on which line each value was written; and writes a definition back as
 * the same file (for a version's download), so that reading what was written gives the same definition.
 */
final class PlaybookYaml {

    private static final YAMLFactory YAML = new YAMLFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(YAML)
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** Plain scalars where YAML allows them, multi-line text as literal blocks, dates as YYYY-MM-DD. */
    private static final ObjectMapper WRITER = new ObjectMapper(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                    .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                    .build())
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private PlaybookYaml() {}

    /** The definition as {@code playbook.yaml}: the fields in the definition's order, nothing that is not set. */
    static String write(PlaybookDefinition definition) {
        try {
            return WRITER.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A playbook definition is not writable as YAML", e);
        }
    }

    /** The parsed definition and its line index. */
    record Parsed(PlaybookDefinition definition, Map<String, Integer> lines) {}

    /** @throws PlaybookException naming the file and line when the YAML is malformed or has unknown fields */
    static Parsed parse(String yaml, String file) {
        try {
            PlaybookDefinition definition = MAPPER.readValue(yaml, PlaybookDefinition.class);
            if (definition == null) {
                throw new PlaybookException(new PlaybookProblem(file, 1, "the file is empty"));
            }
            return new Parsed(definition, lines(yaml));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 0 : at.getLineNr();
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                    // SnakeYAML knows where the problem is, not only where the enclosing block started.
                    throw new PlaybookException(new PlaybookProblem(
                            file, marked.getProblemMark().getLine() + 1, "invalid YAML: " + marked.getProblem()));
                }
            }
            if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                // Records are built once all their fields are read, so Jackson's location is the end of the
                // object; the field's own line comes from the index.
                line = lines(yaml).getOrDefault(pointer(mapping.getPath()), line);
            }
            throw new PlaybookException(new PlaybookProblem(file, line, describe(e)));
        }
    }

    private static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + unknown.getPropertyName() + "'";
        }
        String message = e.getOriginalMessage();
        // Jackson's messages name Java types; keep the first sentence, which says what was wrong.
        int cut = message.indexOf(" (for ");
        return "invalid YAML: " + (cut > 0 ? message.substring(0, cut) : message);
    }

    private static String pointer(java.util.List<JsonMappingException.Reference> path) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            pointer.append('/')
                    .append(ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()));
        }
        return pointer.toString();
    }

    /** JSON pointer of every value to the 1-based line it starts on. */
    private static Map<String, Integer> lines(String yaml) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = YAML.createParser(yaml)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME) {
                    parser.nextToken();
                }
                lines.putIfAbsent(
                        parser.getParsingContext().pathAsPointer().toString(),
                        parser.currentTokenLocation().getLineNr());
            }
        } catch (IOException e) {
            // Already parsed once above; a second failure only costs the line numbers.
        }
        return lines;
    }
}
