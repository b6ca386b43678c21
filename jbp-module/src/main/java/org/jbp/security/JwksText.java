package org.jbp.security;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/** Splits an admin's JWKS (or single JWK) into JWK texts; a key without {@code kid} gets one, as Payara needs it. */
final class JwksText {

    private JwksText() {
    }

    static List<String> keysOf(String json) {
        List<String> out = new ArrayList<>();
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonObject root = reader.readObject();
            List<JsonValue> keys = root.containsKey("keys") ? root.getJsonArray("keys") : List.of(root);
            int n = 0;
            for (JsonValue v : keys) {
                JsonObject key = v.asJsonObject();
                if (!(key.get("kid") instanceof jakarta.json.JsonString)) {
                    key = Json.createObjectBuilder(key).add("kid", ModuleKeyConfigSource.DEFAULT_ADMIN_KEY_ID
                            + (n == 0 ? "" : "-" + n)).build();
                }
                out.add(key.toString());
                n++;
            }
        }
        return out;
    }
}
