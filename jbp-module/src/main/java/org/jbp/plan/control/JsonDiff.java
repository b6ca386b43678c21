package org.jbp.plan.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** Field-level differences between two JSON documents, by leaf path ({@code sections.campaigns[0].name}). */
public final class JsonDiff {

    private JsonDiff() {
    }

    /** One field that differs; {@code before} or {@code after} is null when the field was added or removed. */
    public record FieldChange(String field, JsonValue before, JsonValue after) {
        public String kind() {
            return before == null ? "added" : after == null ? "removed" : "changed";
        }
    }

    public static List<FieldChange> between(JsonValue before, JsonValue after) {
        Map<String, JsonValue> left = flatten(before);
        Map<String, JsonValue> right = flatten(after);
        List<FieldChange> changes = new ArrayList<>();
        for (String path : new TreeSet<>(union(left, right))) {
            JsonValue a = left.get(path);
            JsonValue b = right.get(path);
            if (!Objects.equals(a, b)) {
                changes.add(new FieldChange(path, a, b));
            }
        }
        return changes;
    }

    public static List<String> changedFields(JsonValue before, JsonValue after) {
        return between(before, after).stream().map(FieldChange::field).toList();
    }

    private static java.util.Set<String> union(Map<String, JsonValue> a, Map<String, JsonValue> b) {
        var keys = new java.util.HashSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    static Map<String, JsonValue> flatten(JsonValue value) {
        Map<String, JsonValue> leaves = new LinkedHashMap<>();
        if (value != null) {
            flatten("", value, leaves);
        }
        return leaves;
    }

    private static void flatten(String path, JsonValue value, Map<String, JsonValue> leaves) {
        switch (value.getValueType()) {
            case OBJECT -> {
                JsonObject object = value.asJsonObject();
                if (object.isEmpty() && !path.isEmpty()) {
                    leaves.put(path, value);
                }
                object.forEach((key, child) -> flatten(path.isEmpty() ? key : path + "." + key, child, leaves));
            }
            case ARRAY -> {
                JsonArray array = value.asJsonArray();
                if (array.isEmpty()) {
                    leaves.put(path, value);
                }
                for (int i = 0; i < array.size(); i++) {
                    flatten(path + "[" + i + "]", array.get(i), leaves);
                }
            }
            case NULL -> {
                // an explicit null and an absent field mean the same in a plan
            }
            default -> leaves.put(path, value);
        }
    }
}
