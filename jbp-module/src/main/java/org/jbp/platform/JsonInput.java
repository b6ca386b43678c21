package org.jbp.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.validation.Validator;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads request bodies strictly: malformed JSON, unknown properties, wrong types and unknown enum values
 * are refused with the JSON path of the field at fault, then Bean Validation runs on the bound object.
 */
@ApplicationScoped
public class JsonInput {

    /** Bounds what one request may make us parse; plans are far smaller. */
    public static final int MAX_BODY_CHARS = 1_000_000;
    private static final Pattern PROPERTY = Pattern.compile("(?:property|Property) '?([A-Za-z0-9_$]+)'?");
    private static final Pattern ENUM = Pattern.compile("No enum constant [\\w.$]+\\.(\\w+)\\.([^\\s]+)");

    @Inject
    Validator validator;

    private final Jsonb strict = JsonbBuilder.create(new JsonbConfig()
            .setProperty("jsonb.fail-on-unknown-properties", true));

    public JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.malformed(null, "A JSON object is required as the request body");
        }
        if (body.length() > MAX_BODY_CHARS) {
            throw ProblemException.malformed(null, "The request body exceeds " + MAX_BODY_CHARS + " characters");
        }
        try (var reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw ProblemException.malformed(null, "A JSON object is required, got " + value.getValueType());
            }
            return value.asJsonObject();
        } catch (JsonParsingException e) {
            var at = e.getLocation();
            throw ProblemException.malformed(null, "Malformed JSON at line " + at.getLineNumber()
                    + ", column " + at.getColumnNumber() + ": " + e.getMessage());
        } catch (JsonException e) {
            throw ProblemException.malformed(null, "Malformed JSON: " + e.getMessage());
        }
    }

    public <T> T bind(String body, Class<T> type) {
        return bind(object(body), type);
    }

    public <T> T bind(JsonObject json, Class<T> type) {
        T value;
        try {
            value = strict.fromJson(json.toString(), type);
        } catch (JsonbException e) {
            throw bindingProblem(e);
        }
        if (value == null) {
            throw ProblemException.malformed(null, "A JSON object is required as the request body");
        }
        var violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(Validation.fieldErrors(violations));
        }
        return value;
    }

    /** Yasson nests one exception per property level; their names, outermost first, are the path. */
    static ProblemException bindingProblem(Throwable failure) {
        List<String> path = new ArrayList<>();
        String reason = null;
        for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            Matcher enumMatch = ENUM.matcher(message);
            if (enumMatch.find()) {
                reason = "unknown value '" + enumMatch.group(2) + "' for " + enumMatch.group(1);
            }
            Matcher property = PROPERTY.matcher(message);
            if (property.find() && (path.isEmpty() || !path.get(path.size() - 1).equals(property.group(1)))) {
                path.add(property.group(1));
            }
            if (message.contains("Unknown property") || message.contains("unknown property")) {
                reason = "unknown property";
            }
            if (t.getCause() == null && reason == null) {
                reason = message;
            }
        }
        String field = path.isEmpty() ? null : String.join(".", path);
        return ProblemException.malformed(field, reason == null ? "cannot be read" : reason);
    }
}
