package org.jbp.crm.salesforce;

import org.jbp.crm.SalesforceId;
import com.sforce.soap.partner.IError;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.UpsertResult;
import com.sforce.soap.partner.sobject.SObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jbp.crm.CrmError;
import org.jbp.crm.CrmException;
import org.jbp.crm.CrmWrite;
import org.jbp.crm.WriteResult;
import org.jbp.crm.mapping.WriteTargets;

/**
 * Turns {@link CrmWrite}s into update and upsert calls of at most 200 records, and maps every per-record result
 * back to its write. Nothing here creates: fund requests and tasks are upserted on their external id, tiers are
 * updates, so re-sending after a lost response never duplicates. Rows that failed with UNABLE_TO_LOCK_ROW are
 * re-sent alone, with backoff; other per-record errors are reported as they are.
 */
final class CrmWriter {

    static final int MAX_RECORDS_PER_CALL = 200;
    /**
     * What a withdrawn fund request is set to. PartnerFundRequest.Status is a restricted picklist of Draft, Approved
     * and Rejected (object reference); it has no cancelled value, and Rejected is the one that keeps the request out
     * of the approved totals and closes it for claims.
     */
    static final String FUND_REQUEST_CANCELLED_STATUS = "Rejected";

    private final SalesforceSession session;
    private final QueryStreamer queries;
    private final WriteTargets targets;
    /** The org's currencies, asked only when a fund request is written. */
    private final java.util.function.Supplier<org.jbp.crm.CurrencyRates> currencies;

    CrmWriter(SalesforceSession session, QueryStreamer queries, WriteTargets targets,
              java.util.function.Supplier<org.jbp.crm.CurrencyRates> currencies) {
        this.session = session;
        this.queries = queries;
        this.targets = targets;
        this.currencies = currencies;
    }

    /** A record ready to send, or the result already known for a write that cannot be sent. */
    private record Pending(int index, CrmWrite write, SObject record) {
    }

    List<WriteResult> apply(List<? extends CrmWrite> writes) {
        WriteResult[] results = new WriteResult[writes.size()];
        List<Pending> updates = new ArrayList<>();
        List<Pending> fundUpserts = new ArrayList<>();
        List<Pending> taskUpserts = new ArrayList<>();
        List<Integer> taskCloses = new ArrayList<>();
        List<Integer> fundCancels = new ArrayList<>();
        List<Integer> tierChanges = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            CrmWrite write = writes.get(i);
            try {
                if (write instanceof CrmWrite.TierChange) {
                    tierChanges.add(i);
                } else if (write instanceof CrmWrite.FundRequestUpsert fund) {
                    fundUpserts.add(new Pending(i, write, fundRequest(fund)));
                } else if (write instanceof CrmWrite.TaskUpsert task) {
                    taskUpserts.add(new Pending(i, write, task(task)));
                } else if (write instanceof CrmWrite.TaskClose) {
                    taskCloses.add(i);
                } else if (write instanceof CrmWrite.FundRequestCancel) {
                    fundCancels.add(i);
                }
            } catch (IllegalArgumentException e) {
                results[i] = invalid(write, e.getMessage());
            }
        }
        updates.addAll(prepareTierChanges(writes, tierChanges, results));
        updates.addAll(prepareUpdatesByExternalId(writes, taskCloses, results, "Task",
                targets.taskExternalIdField(), "Status", targets.taskClosedStatus()));
        updates.addAll(prepareUpdatesByExternalId(writes, fundCancels, results, "PartnerFundRequest",
                targets.fundRequestExternalIdField(), "Status", FUND_REQUEST_CANCELLED_STATUS));
        send(updates, results, null);
        send(fundUpserts, results, targets.fundRequestExternalIdField());
        send(taskUpserts, results, targets.taskExternalIdField());
        return Arrays.asList(results);
    }

    private SObject fundRequest(CrmWrite.FundRequestUpsert fund) {
        SObject record = new SObject("PartnerFundRequest");
        record.setField(targets.fundRequestExternalIdField(), fund.externalId());
        record.setField("Title", fund.title());
        record.setField("RequestedAmount", fund.requestedAmount().toPlainString());
        record.setField("ChannelPartnerId", SalesforceId.require(fund.partnerId(), "Partner id"));
        fund.campaignId().ifPresent(id -> record.setField("CampaignId", SalesforceId.require(id, "Campaign id")));
        fund.allocationId().ifPresent(id -> record.setField("AllocationId", SalesforceId.require(id, "Allocation id")));
        record.setField("Activity", fund.activity());
        record.setField("Status", fund.status());
        currencyField(fund.currency()).ifPresent(field -> record.setField(field, fund.currency()));
        return record;
    }

    /**
     * Where a fund request's currency goes. A multi-currency org has CurrencyIsoCode on PartnerFundRequest (Field
     * Reference, PartnerFundRequest: "CurrencyIsoCode, picklist, 3"), and a request written without it takes the
     * integration user's currency, not the plan's. A single-currency org has no currency field at all (the Object
     * Reference's PartnerFundRequest page does not list it; CurrencyType "is not available in single-currency
     * organizations"), so it is left out there, and a request in any other currency than the org's one is refused
     * before it is sent. The mapping may name a field of its own instead.
     */
    private Optional<String> currencyField(String currency) {
        org.jbp.crm.CurrencyRates org = currencies.get();
        if (org.rateTo(currency).isEmpty()) {
            throw new IllegalArgumentException("Currency " + currency + " is not an active currency of the org "
                    + org.codes());
        }
        return targets.fundRequestCurrencyField().or(() -> org.multiCurrency()
                ? Optional.of("CurrencyIsoCode") : Optional.empty());
    }

    private SObject task(CrmWrite.TaskUpsert task) {
        SObject record = new SObject("Task");
        record.setField(targets.taskExternalIdField(), task.externalId());
        record.setField("OwnerId", SalesforceId.require(task.ownerId(), "Owner id"));
        record.setField("WhatId", SalesforceId.require(task.whatId(), "What id"));
        record.setField("Subject", task.subject());
        record.setField("ActivityDate", task.dueDate().toString());
        record.setField("Description", task.description());
        return record;
    }

    /**
     * Tier changes become updates: of the partner's ChannelProgramMember (LevelId of the level with that name in
     * the member's program) or of the configured Account field. IsPartner is never touched.
     */
    private List<Pending> prepareTierChanges(List<? extends CrmWrite> writes, List<Integer> indexes,
                                             WriteResult[] results) {
        List<Pending> pending = new ArrayList<>();
        Map<Integer, String> partnerOf = new LinkedHashMap<>();
        for (int i : indexes) {
            CrmWrite.TierChange change = (CrmWrite.TierChange) writes.get(i);
            Optional<String> partner = SalesforceId.parse(change.partnerId());
            if (partner.isEmpty()) {
                results[i] = invalid(change, "Partner id '" + change.partnerId() + "' is not a valid Salesforce id");
            } else {
                partnerOf.put(i, partner.get());
            }
        }
        if (partnerOf.isEmpty()) {
            return pending;
        }
        if (targets.tierTarget() == WriteTargets.TierTarget.ACCOUNT_FIELD) {
            partnerOf.forEach((i, partner) -> {
                SObject account = new SObject("Account");
                account.setId(partner);
                account.setField(targets.tierAccountField(), ((CrmWrite.TierChange) writes.get(i)).levelName());
                pending.add(new Pending(i, writes.get(i), account));
            });
            return pending;
        }
        Map<String, List<Membership>> membersByPartner = programMembers(partnerOf.values());
        Map<LevelKey, String> levelIds = programLevels();
        partnerOf.forEach((i, partner) -> {
            CrmWrite.TierChange change = (CrmWrite.TierChange) writes.get(i);
            List<Membership> memberships = membersByPartner.getOrDefault(partner, List.of());
            List<Membership> matching = memberships.stream()
                    .filter(m -> levelIds.containsKey(new LevelKey(m.programId(), change.levelName()))).toList();
            if (memberships.isEmpty()) {
                results[i] = failed(change, "NOT_A_PROGRAM_MEMBER",
                        "Partner " + partner + " has no ChannelProgramMember record", List.of());
            } else if (matching.isEmpty()) {
                results[i] = failed(change, "UNKNOWN_LEVEL", "No ChannelProgramLevel named '" + change.levelName()
                        + "' in the partner's program", List.of("LevelId"));
            } else if (matching.size() > 1) {
                results[i] = failed(change, "AMBIGUOUS_PROGRAM", "Partner " + partner + " is a member of "
                        + matching.size() + " programs with a level named '" + change.levelName() + "'", List.of());
            } else {
                Membership membership = matching.get(0);
                SObject member = new SObject("ChannelProgramMember");
                member.setId(membership.memberId());
                member.setField("LevelId", levelIds.get(new LevelKey(membership.programId(), change.levelName())));
                pending.add(new Pending(i, change, member));
            }
        });
        return pending;
    }

    private record Membership(String memberId, String programId) {
    }

    /** Level names are unique within a program, not across programs. */
    private record LevelKey(String programId, String levelName) {
    }

    private Map<String, List<Membership>> programMembers(java.util.Collection<String> partnerIds) {
        Map<String, List<Membership>> members = new HashMap<>();
        List<String> distinct = partnerIds.stream().distinct().toList();
        for (List<String> chunk : AggregateChunkPlanner.chunks(distinct, 500)) {
            String inList = chunk.stream().map(SoqlLiterals::id).collect(Collectors.joining(", ", "(", ")"));
            queries.forEach(new SoqlSelect(List.of("Id", "PartnerId", "ProgramId"), "ChannelProgramMember",
                    List.of("PartnerId IN " + inList)), record -> {
                        String partner = Records.text(record, "PartnerId").flatMap(SalesforceId::parse).orElse("");
                        String program = Records.text(record, "ProgramId").flatMap(SalesforceId::parse).orElse("");
                        members.computeIfAbsent(partner, p -> new ArrayList<>()).add(
                                new Membership(SalesforceId.parse(record.getId()).orElse(record.getId()), program));
                    });
        }
        return members;
    }

    /** Read once per batch of writes: levels change rarely, and one query serves every tier change. */
    private Map<LevelKey, String> programLevels() {
        Map<LevelKey, String> levels = new HashMap<>();
        queries.forEach(new SoqlSelect(List.of("Id", "Name", "ProgramId"), "ChannelProgramLevel", List.of()),
                record -> levels.put(new LevelKey(
                        Records.text(record, "ProgramId").flatMap(SalesforceId::parse).orElse(""),
                        Records.text(record, "Name").orElse("")), record.getId()));
        return levels;
    }

    /**
     * Closing a task or withdrawing a fund request updates the record found by its external id (one IN-list query
     * per 200 writes); a record that was never written is reported, never created.
     */
    private List<Pending> prepareUpdatesByExternalId(List<? extends CrmWrite> writes, List<Integer> indexes,
                                                     WriteResult[] results, String object, String field,
                                                     String statusField, String status) {
        List<Pending> pending = new ArrayList<>();
        if (indexes.isEmpty()) {
            return pending;
        }
        Map<String, String> idByExternalId = new HashMap<>();
        List<String> externalIds = indexes.stream().map(i -> writes.get(i).externalId()).distinct().toList();
        for (List<String> chunk : AggregateChunkPlanner.chunks(externalIds, 200)) {
            String inList = chunk.stream().map(SoqlLiterals::quote).collect(Collectors.joining(", ", "(", ")"));
            queries.forEach(new SoqlSelect(List.of("Id", field), object, List.of(field + " IN " + inList)),
                    record -> Records.text(record, field).ifPresent(ext -> idByExternalId.put(ext, record.getId())));
        }
        for (int i : indexes) {
            CrmWrite write = writes.get(i);
            String id = idByExternalId.get(write.externalId());
            if (id == null) {
                results[i] = failed(write, "NOT_FOUND", "No " + object + " with " + field + " = '"
                        + write.externalId() + "'", List.of(field));
            } else {
                SObject record = new SObject(object);
                record.setId(id);
                record.setField(statusField, status);
                pending.add(new Pending(i, write, record));
            }
        }
        return pending;
    }

    /**
     * Sends records of one kind in calls of at most 200: updates when {@code externalIdField} is null, upserts
     * otherwise. Records of different sObject types go in separate calls.
     */
    private void send(List<Pending> pending, WriteResult[] results, String externalIdField) {
        Map<String, List<Pending>> byType = new LinkedHashMap<>();
        for (Pending p : pending) {
            byType.computeIfAbsent(p.record().getType(), t -> new ArrayList<>()).add(p);
        }
        for (List<Pending> sameType : byType.values()) {
            for (int from = 0; from < sameType.size(); from += MAX_RECORDS_PER_CALL) {
                sendBatch(sameType.subList(from, Math.min(sameType.size(), from + MAX_RECORDS_PER_CALL)),
                        results, externalIdField);
            }
        }
    }

    private void sendBatch(List<Pending> batch, WriteResult[] results, String externalIdField) {
        List<Pending> toSend = batch;
        for (int attempt = 0; ; attempt++) {
            List<Outcome> outcomes = call(toSend, externalIdField);
            List<Pending> locked = new ArrayList<>();
            for (int k = 0; k < toSend.size(); k++) {
                Pending p = toSend.get(k);
                Outcome outcome = outcomes.get(k);
                if (outcome.error() != null && "UNABLE_TO_LOCK_ROW".equals(outcome.error().statusCode())
                        && attempt < session.retryPolicy().maxRetries()) {
                    locked.add(p);
                } else if (outcome.error() != null) {
                    results[p.index()] = new WriteResult.Failed(p.write(), outcome.error());
                } else {
                    results[p.index()] = new WriteResult.Succeeded(p.write(), outcome.id(), outcome.created());
                }
            }
            if (locked.isEmpty()) {
                return;
            }
            toSend = locked;
            session.waitBeforeRetry(attempt + 1, "re-send rows locked by another transaction");
        }
    }

    private record Outcome(String id, boolean created, CrmError error) {
    }

    private List<Outcome> call(List<Pending> batch, String externalIdField) {
        SObject[] records = batch.stream().map(Pending::record).toArray(SObject[]::new);
        String type = records[0].getType();
        List<Outcome> outcomes = new ArrayList<>();
        if (externalIdField == null) {
            SaveResult[] saved = session.call("update " + type, c -> c.update(records));
            for (SaveResult r : saved) {
                outcomes.add(r.isSuccess() ? new Outcome(r.getId(), false, null) : new Outcome(null, false, errorOf(r.getErrors())));
            }
        } else {
            UpsertResult[] upserted = session.call("upsert " + type, c -> c.upsert(externalIdField, records));
            for (UpsertResult r : upserted) {
                outcomes.add(r.isSuccess() ? new Outcome(r.getId(), r.isCreated(), null)
                        : new Outcome(null, false, errorOf(r.getErrors())));
            }
        }
        if (outcomes.size() != batch.size()) {
            throw new CrmException(CrmException.Kind.PERMANENT, "UNEXPECTED_RESULT", "Sent " + batch.size()
                    + " records to " + type + " but got " + outcomes.size() + " results", null);
        }
        return outcomes;
    }

    private static CrmError errorOf(IError[] errors) {
        if (errors == null || errors.length == 0) {
            return new CrmError(CrmException.Kind.PERMANENT, "UNKNOWN", "Salesforce reported failure without an error", List.of());
        }
        IError first = errors[0];
        String code = first.getStatusCode() == null ? "UNKNOWN" : first.getStatusCode().name();
        String message = Arrays.stream(errors).map(IError::getMessage).collect(Collectors.joining("; "));
        List<String> fields = Arrays.stream(errors).flatMap(e -> e.getFields() == null ? java.util.stream.Stream.<String>empty()
                : Arrays.stream(e.getFields())).distinct().toList();
        FaultDecision decision = FaultClassifier.classify(code, message);
        return new CrmError(decision.kindWhenGivingUp(), code, message, fields);
    }

    private static WriteResult invalid(CrmWrite write, String message) {
        return failed(write, "INVALID_ID", message, List.of());
    }

    private static WriteResult failed(CrmWrite write, String code, String message, List<String> fields) {
        return new WriteResult.Failed(write, new CrmError(CrmException.Kind.PERMANENT, code, message, fields));
    }
}
