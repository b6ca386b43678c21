package org.jbp.plan.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import org.jbp.plan.entity.PlanContent;

/** The one JSON form of plan content, used for storage, revisions, diffs and merge patches. */
public final class PlanJson {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private PlanJson() {
    }

    public static String write(PlanContent content) {
        return JSONB.toJson(content);
    }

    public static PlanContent read(String json) {
        return JSONB.fromJson(json, PlanContent.class);
    }

    public static JsonObject tree(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
