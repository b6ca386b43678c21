package org.jbp.platform;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Builds RFC 9457 {@code application/problem+json} responses. */
public final class ProblemResponses {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final String TYPE_BASE = "urn:jbp:problem:";
    private static final Jsonb JSONB = JsonbBuilder.create();

    private ProblemResponses() {
    }

    public static Response of(ProblemException problem) {
        return build(problem.status(), problem.type(), problem.title(), problem.getMessage(),
                problem.errors(), problem.extensions());
    }

    public static Response build(int status, String type, String title, String detail,
                                 List<FieldError> errors, Map<String, Object> extensions) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("type", TYPE_BASE + type)
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            body.add("detail", detail);
        }
        if (!errors.isEmpty()) {
            JsonArrayBuilder list = Json.createArrayBuilder();
            errors.forEach(e -> list.add(Json.createObjectBuilder().add("field", e.field()).add("message", e.message())));
            body.add("errors", list);
        }
        extensions.forEach((key, value) -> body.add(key, Json.createReader(
                new java.io.StringReader(JSONB.toJson(value))).readValue()));
        return Response.status(status).type(PROBLEM_JSON).entity(body.build().toString()).build();
    }
}
