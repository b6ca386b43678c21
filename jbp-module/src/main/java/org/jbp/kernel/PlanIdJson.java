package org.jbp.kernel;

import jakarta.json.bind.adapter.JsonbAdapter;

/** A plan id in JSON is its uuid string, as it was before it had a type of its own: the API does not change. */
public class PlanIdJson implements JsonbAdapter<PlanId, String> {
    @Override
    public String adaptToJson(PlanId id) {
        return id.toString();
    }

    @Override
    public PlanId adaptFromJson(String text) {
        return PlanId.parse(text);
    }
}
