package org.jbp.kernel;

import jakarta.json.bind.annotation.JsonbTypeAdapter;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A business plan's id. Plans are the one aggregate every feature refers to, so their id has its own type: a
 * revision, a step or an outbox entry id cannot be passed where a plan is meant. Stored as the plan's uuid
 * (the {@code @Id} column and every {@code plan_id} foreign key); shown in the API as its canonical string.
 */
@JsonbTypeAdapter(PlanIdJson.class)
public record PlanId(UUID value) {

    public PlanId {
        Objects.requireNonNull(value, "a plan id is required");
    }

    /** A new plan's id. */
    public static PlanId random() {
        return new PlanId(UUID.randomUUID());
    }

    /** The id of a stored uuid; null stays null (an optional reference such as a notification's plan). */
    public static PlanId ofNullable(UUID value) {
        return value == null ? null : new PlanId(value);
    }

    /**
     * The one parser of a plan id from text (a path, a stored text column, a job parameter).
     *
     * @throws IllegalArgumentException naming what is wrong, for a blank or non-uuid value
     */
    public static PlanId parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("a plan id is required");
        }
        UUID uuid;
        try {
            uuid = UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(notAPlanId(raw), e);
        }
        // UUID.fromString also reads short groups ("1-2-3-4-5"): only the canonical form names a plan, so one plan
        // never answers to two ids
        if (!uuid.toString().equalsIgnoreCase(raw)) {
            throw new IllegalArgumentException(notAPlanId(raw));
        }
        return new PlanId(uuid);
    }

    private static String notAPlanId(String raw) {
        return "'" + raw + "' is not a plan id (a uuid in its 36-character form)";
    }

    /** The uuids of some plans, to bind to a JPQL parameter compared with a uuid column. */
    public static List<UUID> values(Collection<PlanId> ids) {
        return ids.stream().map(PlanId::value).toList();
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
