package org.jbp.outbox.control;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.jbp.crm.CrmWrite;
import org.jbp.outbox.entity.OutboxEntry;

/**
 * Translates a queued entry (kind + JSON payload) into the crm-api command it stands for. The payload is the
 * contract between whoever enqueues and the delivery job; a payload that cannot become a command is a permanent
 * error of that one write ({@link IllegalArgumentException}).
 */
public final class OutboxWrites {

    /** The Salesforce status of a fund request whose payload names none. */
    public static final String FUND_REQUEST_DRAFT = "Draft";

    private OutboxWrites() {
    }

    public static CrmWrite toWrite(OutboxEntry entry) {
        JsonObject p;
        try (var reader = Json.createReader(new StringReader(entry.payload()))) {
            p = reader.readObject();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("payload is not a JSON object: " + e.getMessage(), e);
        }
        try {
            return switch (entry.kind()) {
                case TIER_CHANGE -> new CrmWrite.TierChange(p.getString("partnerId"), p.getString("levelName"),
                        entry.externalId());
                case FUND_REQUEST_UPSERT -> new CrmWrite.FundRequestUpsert(entry.externalId(), p.getString("title"),
                        amount(p, "requestedAmount"), p.getString("currency"), optional(p, "campaignId"),
                        p.getString("partnerId"), optional(p, "allocationId"), p.getString("activity", ""),
                        p.getString("status", FUND_REQUEST_DRAFT));
                case FUND_REQUEST_CANCEL -> new CrmWrite.FundRequestCancel(entry.externalId());
                case TASK_UPSERT -> new CrmWrite.TaskUpsert(entry.externalId(), p.getString("ownerId"),
                        p.getString("whatId"), p.getString("subject"),
                        // a task without an SLA is due the day it was queued
                        p.containsKey("activityDate") ? LocalDate.parse(p.getString("activityDate"))
                                : LocalDate.ofInstant(entry.createdAt(), java.time.ZoneOffset.UTC),
                        p.getString("description", ""));
                case TASK_CLOSE -> new CrmWrite.TaskClose(entry.externalId());
            };
        } catch (NullPointerException | ClassCastException | java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("payload of " + entry.kind() + " is incomplete: " + e.getMessage(), e);
        }
    }

    private static BigDecimal amount(JsonObject p, String key) {
        JsonNumber n = p.getJsonNumber(key);
        if (n == null) {
            throw new IllegalArgumentException(key + " is required");
        }
        return n.bigDecimalValue();
    }

    private static Optional<String> optional(JsonObject p, String key) {
        return p.containsKey(key) && !p.isNull(key) ? Optional.of(p.getString(key)) : Optional.empty();
    }
}
