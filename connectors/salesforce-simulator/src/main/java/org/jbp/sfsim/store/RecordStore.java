package org.jbp.sfsim.store;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The records of one org, with the rules a save goes through: field permissions, required fields,
 * type conversion, derived fields, validation rules and unique external ids.
 * One read-write lock: queries run in parallel, writes one at a time, like row locks without the detail.
 */
public final class RecordStore {

    /** Added to a record's slot to make its id sequence, so ids look like real ones rather than 0000000001. */
    static final long ID_OFFSET = 3_200_000L;

    /** Whether a write goes through field permissions (API) or may set audit and read-only fields (setup). */
    public enum Mode { API, SYSTEM }

    private final Schema schema;
    private final Clock clock;
    private final Map<SObjectType, Table> tables = new HashMap<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<ValidationRule> rules = new CopyOnWriteArrayList<>();
    private volatile String currentUserId;

    public RecordStore(Schema schema, Clock clock) {
        this.schema = schema;
        this.clock = clock;
        for (SObjectType t : schema.types()) {
            tables.put(t, new Table(t));
        }
    }

    public Schema schema() {
        return schema;
    }

    public Clock clock() {
        return clock;
    }

    /** The user that owns and audits new records when none is given. */
    public void currentUserId(String userId) {
        this.currentUserId = userId;
    }

    private volatile OrgCalendar calendar = OrgCalendar.CALENDAR_YEAR;
    /** The corporate currency of a multi-currency org; null in a single-currency org. */
    private volatile String corporateCurrency;

    public void multiCurrency(String corporateIsoCode) {
        this.corporateCurrency = corporateIsoCode;
    }

    public boolean multiCurrency() {
        return corporateCurrency != null;
    }

    public String corporateCurrency() {
        return corporateCurrency;
    }

    /** Advanced currency management: dated exchange rates for opportunities. */
    private volatile boolean advancedCurrencyManagement;

    public void enableAdvancedCurrencyManagement() {
        if (corporateCurrency == null) {
            throw new IllegalStateException("Advanced currency management needs a multi-currency org");
        }
        this.advancedCurrencyManagement = true;
    }

    /** Back to one rate per currency; the dated rates stay stored but are no longer read, nor queryable. */
    public void disableAdvancedCurrencyManagement() {
        this.advancedCurrencyManagement = false;
    }

    public boolean advancedCurrencyManagement() {
        return advancedCurrencyManagement;
    }

    /**
     * Objects an org of this kind does not have: CurrencyType "is not available in single-currency organizations"
     * (Object Reference, CurrencyType), DatedConversionRate neither, "nor is it available if the organization does
     * not have advanced currency management enabled" (Object Reference, DatedConversionRate). Queries of them are
     * INVALID_TYPE, as for any unknown object.
     */
    public boolean hidden(SObjectType type) {
        return switch (type.name()) {
            case "CurrencyType" -> corporateCurrency == null;
            case "DatedConversionRate" -> !advancedCurrencyManagement;
            default -> false;
        };
    }

    /**
     * An Opportunity amount in the corporate currency on {@code day}: with advanced currency management "dated
     * exchange rates are used when converting currency fields on opportunities ... convertCurrency uses the
     * conversion rate that corresponds to a given field (for example, CloseDate on opportunities)" (SOQL and SOSL
     * Reference, convertCurrency()). The rate in effect is the DatedConversionRate with StartDate on or before the
     * day and NextStartDate after it; without one, the CurrencyType rate.
     */
    public double toCorporate(double amount, Object isoCode, java.time.LocalDate day) {
        if (!advancedCurrencyManagement || day == null || isoCode == null || isoCode.equals(corporateCurrency)) {
            return toCorporate(amount, isoCode);
        }
        SObjectType dated = type("DatedConversionRate");
        int code = dated.field("IsoCode").orElseThrow().index();
        int rate = dated.field("ConversionRate").orElseThrow().index();
        int start = dated.field("StartDate").orElseThrow().index();
        int next = dated.field("NextStartDate").orElseThrow().index();
        for (Record r : tables.get(dated).live()) {
            if (isoCode.equals(r.get(code)) && r.get(start) instanceof java.time.LocalDate from && !from.isAfter(day)
                    && (!(r.get(next) instanceof java.time.LocalDate until) || until.isAfter(day))
                    && r.get(rate) instanceof Number n && n.doubleValue() != 0) {
                return amount / n.doubleValue();
            }
        }
        return toCorporate(amount, isoCode);
    }

    /** CurrencyIsoCode exists only in multi-currency orgs: elsewhere it is an unknown field. */
    public boolean hidden(FieldDef f) {
        return corporateCurrency == null && f.name().equals("CurrencyIsoCode");
    }

    /**
     * An amount in {@code isoCode} in the corporate currency: CurrencyType.ConversionRate is the rate against the
     * corporate currency (corporate = 1), so corporate amount = amount / rate. An unknown code converts at 1.
     */
    public double toCorporate(double amount, Object isoCode) {
        if (corporateCurrency == null || isoCode == null || corporateCurrency.equals(isoCode)) {
            return amount;
        }
        SObjectType currencies = type("CurrencyType");
        int code = currencies.field("IsoCode").orElseThrow().index();
        int rate = currencies.field("ConversionRate").orElseThrow().index();
        for (Record r : tables.get(currencies).live()) {
            if (isoCode.equals(r.get(code)) && r.get(rate) instanceof Number n && n.doubleValue() != 0) {
                return amount / n.doubleValue();
            }
        }
        return amount;
    }

    public OrgCalendar calendar() {
        return calendar;
    }

    public void calendar(OrgCalendar calendar) {
        this.calendar = java.util.Objects.requireNonNull(calendar);
    }

    /** The time zone convertTimezone() converts to: the current user's TimeZoneSidKey ("GMT" when unset). */
    public java.time.ZoneId userTimeZone() {
        Record user = currentUserId == null ? null : findLive(currentUserId);
        Object key = user == null ? null : user.get(user.type().field("TimeZoneSidKey").orElseThrow().index());
        return key == null || "GMT".equals(key) ? java.time.ZoneOffset.UTC : java.time.ZoneId.of(key.toString());
    }

    public String currentUserId() {
        return currentUserId;
    }

    public void addValidationRule(ValidationRule rule) {
        type(rule.object());
        rules.add(rule);
    }

    public void clearValidationRules() {
        rules.clear();
    }

    public SObjectType type(String name) {
        return schema.type(name).orElseThrow(() -> ApiFaultException.invalidType(name));
    }

    /** Runs {@code read} under the read lock. */
    public <T> T read(Supplier<T> read) {
        lock.readLock().lock();
        try {
            return read.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs {@code write} under the write lock, so a multi-record call is applied as one step. */
    public <T> T write(Supplier<T> write) {
        lock.writeLock().lock();
        try {
            return write.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** All stored records of a type, deleted ones included, in insertion order. Call under the read lock. */
    public Record[] snapshot(SObjectType type, int[] sizeOut) {
        Table t = tables.get(type);
        sizeOut[0] = t.size;
        return t.rows;
    }

    public int count(SObjectType type) {
        return read(() -> tables.get(type).live);
    }

    /** The live record with this id (15 or 18 characters), if any. */
    public Optional<Record> find(String id) {
        return findIncludingDeleted(id).filter(r -> !r.deleted());
    }

    /** Like {@link #find} without the Optional, for the hot path of parent lookups in queries. */
    public Record findLive(String id) {
        Record r = findIncludingDeleted(id).orElse(null);
        return r == null || r.deleted() ? null : r;
    }

    public Optional<Record> findIncludingDeleted(String id) {
        if (id == null || !SalesforceIds.isValid(id)) {
            return Optional.empty();
        }
        Optional<SObjectType> type = schema.typeOfId(id);
        long seq = SalesforceIds.sequenceOf(id);
        if (type.isEmpty() || seq < ID_OFFSET) {
            return Optional.empty();
        }
        Table t = tables.get(type.get());
        long slot = seq - ID_OFFSET;
        Record[] rows = t.rows;
        if (slot >= t.size || slot >= rows.length) {
            return Optional.empty();
        }
        Record r = rows[(int) slot];
        // The id must match in its first 15 characters exactly: ids are case-sensitive.
        return r != null && r.id().regionMatches(0, id, 0, 15) ? Optional.of(r) : Optional.empty();
    }

    /** The record as a map of field name → stored value, in schema order (nulls kept). */
    public static Map<String, Object> toMap(Record r) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (FieldDef f : r.type().fields()) {
            m.put(f.name(), r.get(f));
        }
        return m;
    }

    // ---------------------------------------------------------------- writes

    /** Creates one record. Call under the write lock. */
    public WriteResult insert(SObjectType type, Map<String, Object> input, Mode mode) {
        Object[] values = new Object[type.fieldCount()];
        List<String> notCreateable = new ArrayList<>();
        for (Map.Entry<String, Object> e : input.entrySet()) {
            FieldDef f = field(type, e.getKey());
            if (f.index() == SObjectType.ID) {
                if (mode == Mode.API && e.getValue() != null) {
                    return WriteResult.failed(null, RecordError.of("INVALID_FIELD_FOR_INSERT_UPDATE",
                            "cannot specify Id in an insert call", "Id"));
                }
                continue;
            }
            if (mode == Mode.API && !f.createable()) {
                notCreateable.add(f.name());
                continue;
            }
            try {
                values[f.index()] = Values.toStored(f, e.getValue());
            } catch (Values.ConversionException ex) {
                return WriteResult.failed(null, conversionError(f, ex));
            }
        }
        if (!notCreateable.isEmpty()) {
            return WriteResult.failed(null, notWritable("create", notCreateable));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String user = currentUserId;
        values[SObjectType.IS_DELETED] = Boolean.FALSE;
        setIfNull(values, SObjectType.CREATED_DATE, now);
        setIfNull(values, SObjectType.CREATED_BY_ID, user);
        setIfNull(values, SObjectType.LAST_MODIFIED_DATE, values[SObjectType.CREATED_DATE]);
        setIfNull(values, SObjectType.LAST_MODIFIED_BY_ID, values[SObjectType.CREATED_BY_ID]);
        setIfNull(values, SObjectType.SYSTEM_MODSTAMP, values[SObjectType.LAST_MODIFIED_DATE]);
        applyDefaults(type, values, user);
        if (corporateCurrency != null) {
            // a record without a currency takes the corporate one (Salesforce uses the creating user's currency,
            // which for the simulator's users is the corporate currency)
            type.field("CurrencyIsoCode").ifPresent(f -> setIfNull(values, f.index(), corporateCurrency));
        }
        derive(type, values, input.keySet());
        derivePartnerAccount(type, values, input.keySet(), true);
        Optional<RecordError> invalid = check(type, values, null);
        if (invalid.isPresent()) {
            return WriteResult.failed(null, invalid.get());
        }
        Record r = tables.get(type).add(values);
        onePrimaryPartner(r, now);
        rollUpCertifications(type, null, values, now);
        return WriteResult.ok(r.id(), true);
    }

    /** Updates one record by id. Call under the write lock. */
    public WriteResult update(String id, Map<String, Object> input, Set<String> fieldsToNull, Mode mode) {
        if (id == null || id.isBlank()) {
            return WriteResult.failed(null, RecordError.of("MISSING_ARGUMENT", "Id not specified in an update call"));
        }
        if (!SalesforceIds.isValid(id)) {
            return WriteResult.failed(null, RecordError.of("MALFORMED_ID", "Id: id value of incorrect type: " + id, "Id"));
        }
        Optional<Record> found = findIncludingDeleted(id);
        if (found.isEmpty()) {
            return WriteResult.failed(null, RecordError.of("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id"));
        }
        Record r = found.get();
        if (r.deleted()) {
            return WriteResult.failed(null, RecordError.of("ENTITY_IS_DELETED", "entity is deleted"));
        }
        return updateRecord(r, input, fieldsToNull, mode, false);
    }

    private WriteResult updateRecord(Record r, Map<String, Object> input, Set<String> fieldsToNull, Mode mode,
                                     boolean fromUpsert) {
        SObjectType type = r.type();
        Object[] values = r.values().clone();
        List<String> notUpdateable = new ArrayList<>();
        for (Map.Entry<String, Object> e : input.entrySet()) {
            FieldDef f = field(type, e.getKey());
            if (f.index() == SObjectType.ID) {
                continue;
            }
            if (mode == Mode.API && !f.updateable()) {
                // Upsert sends the create-only fields again on the update path; Salesforce ignores unchanged ones.
                if (!(fromUpsert && f.createable())) {
                    notUpdateable.add(f.name());
                }
                continue;
            }
            try {
                values[f.index()] = Values.toStored(f, e.getValue());
            } catch (Values.ConversionException ex) {
                return WriteResult.failed(r.id(), conversionError(f, ex));
            }
        }
        for (String name : fieldsToNull) {
            FieldDef f = field(type, name);
            if (mode == Mode.API && (!f.updateable() || !f.nillable())) {
                notUpdateable.add(f.name());
                continue;
            }
            values[f.index()] = null;
        }
        if (!notUpdateable.isEmpty()) {
            return WriteResult.failed(r.id(), notWritable("update", notUpdateable));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (mode == Mode.API || !input.containsKey("LastModifiedDate")) {
            values[SObjectType.LAST_MODIFIED_DATE] = now;
            values[SObjectType.LAST_MODIFIED_BY_ID] = currentUserId;
        }
        if (mode == Mode.API || !input.containsKey("SystemModstamp")) {
            values[SObjectType.SYSTEM_MODSTAMP] = values[SObjectType.LAST_MODIFIED_DATE];
        }
        derive(type, values, input.keySet());
        derivePartnerAccount(type, values, input.keySet(), false);
        Optional<RecordError> invalid = check(type, values, r);
        if (invalid.isPresent()) {
            return WriteResult.failed(r.id(), invalid.get());
        }
        Object[] before = r.values();
        tables.get(type).replace(r, values);
        rollUpCertifications(type, before, values, now);
        return WriteResult.ok(r.id(), false);
    }

    /**
     * Upsert on an external id field (or Id). The caller has checked that the field is an external id and
     * that no two records of the call share a value.
     */
    public WriteResult upsert(SObjectType type, FieldDef externalIdField, Map<String, Object> input,
                              Set<String> fieldsToNull) {
        Object key = null;
        for (Map.Entry<String, Object> e : input.entrySet()) {
            if (e.getKey().equalsIgnoreCase(externalIdField.name())) {
                key = e.getValue();
            }
        }
        if (key == null || key.toString().isEmpty()) {
            return WriteResult.failed(null, RecordError.of("MISSING_ARGUMENT",
                    externalIdField.name() + " not specified", externalIdField.name()));
        }
        if (externalIdField.index() == SObjectType.ID) {
            Map<String, Object> rest = new LinkedHashMap<>(input);
            rest.keySet().removeIf(k -> k.equalsIgnoreCase("Id"));
            WriteResult w = update(key.toString(), rest, fieldsToNull, Mode.API);
            return w.success() ? WriteResult.ok(w.id(), false) : w;
        }
        List<Record> matches = tables.get(type).byExternalId(externalIdField, key.toString());
        if (matches.size() > 1) {
            StringBuilder ids = new StringBuilder();
            for (Record m : matches) {
                ids.append(ids.length() == 0 ? "" : ", ").append(m.id());
            }
            return WriteResult.failed(null, RecordError.of("DUPLICATE_EXTERNAL_ID", externalIdField.name()
                    + ": more than one record found for external id field: [" + ids + "]", externalIdField.name()));
        }
        if (matches.isEmpty()) {
            return insert(type, input, Mode.API);
        }
        return updateRecord(matches.get(0), input, fieldsToNull, Mode.API, true);
    }

    /** Moves one record to the recycle bin (queryAll still sees it). Call under the write lock. */
    public WriteResult delete(String id) {
        if (id == null || !SalesforceIds.isValid(id)) {
            return WriteResult.failed(id, RecordError.of("MALFORMED_ID", "malformed id " + id));
        }
        Optional<Record> found = findIncludingDeleted(id);
        if (found.isEmpty()) {
            return WriteResult.failed(null, RecordError.of("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id"));
        }
        Record r = found.get();
        if (r.deleted()) {
            return WriteResult.failed(r.id(), RecordError.of("ENTITY_IS_DELETED", "entity is deleted"));
        }
        Object[] before = r.values();
        Object[] values = before.clone();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        values[SObjectType.IS_DELETED] = Boolean.TRUE;
        values[SObjectType.SYSTEM_MODSTAMP] = now;
        tables.get(r.type()).replace(r, values);
        rollUpCertifications(r.type(), before, null, now);
        return WriteResult.ok(r.id(), false);
    }

    /**
     * Appends a record without checks, for the generator: values are already in stored form and audit
     * fields are set by the caller. Call under the write lock.
     */
    public String insertTrusted(SObjectType type, Object[] values) {
        if (values.length != type.fieldCount()) {
            throw new IllegalArgumentException("expected " + type.fieldCount() + " values for " + type.name());
        }
        values[SObjectType.IS_DELETED] = Boolean.FALSE;
        String id = tables.get(type).add(values).id();
        if (type.name().equals("Partner_Certification__c")) {
            countGeneratedCertification(type, values);
        }
        return id;
    }

    /**
     * Generated history: the roll-up counts the new record, and the account keeps the audit stamps the generator
     * gave it. Counted up rather than recounted, so generating 100,000 certifications stays linear.
     */
    private void countGeneratedCertification(SObjectType type, Object[] values) {
        Object parentId = values[type.field("Account__c").orElseThrow().index()];
        if (parentId == null
                || !"Completed".equalsIgnoreCase(String.valueOf(values[type.field("Status__c").orElseThrow().index()]))) {
            return;
        }
        find(String.valueOf(parentId)).ifPresent(p -> {
            int rollUp = p.type().field(CERTIFICATIONS_ROLL_UP).orElseThrow().index();
            Object[] changed = p.values().clone();
            changed[rollUp] = (changed[rollUp] == null ? 0.0 : ((Number) changed[rollUp]).doubleValue()) + 1;
            tables.get(p.type()).replace(p, changed);
        });
    }

    /** Account's roll-up summary field over its completed Partner_Certification__c records. */
    public static final String CERTIFICATIONS_ROLL_UP = "Certifications_Completed__c";

    /**
     * A saved (inserted, updated, deleted) Partner_Certification__c recalculates the roll-up summary field of its
     * account, the one before and the one after a move: "If the record contains a roll-up summary field or is part
     * of a cross-object workflow, performs calculations and updates the roll-up summary field in the parent record.
     * Parent record goes through save procedure" (Apex Developer Guide, "Triggers and Order of Execution"). A save
     * by the system, not by a user, so the parent's SystemModstamp moves ("SystemModstamp is the date and time when
     * a record was last modified by a User or by an automated process", Salesforce Help, "Difference between
     * SystemModStamp and LastModifiedDate") while LastModifiedDate stays: the docs do not say whether a roll-up's
     * save changes LastModifiedDate, and only SystemModstamp is sure to move. The parent is saved on every child
     * save, whether the count changed or not.
     */
    private void rollUpCertifications(SObjectType type, Object[] before, Object[] after, Instant now) {
        if (!type.name().equals("Partner_Certification__c")) {
            return;
        }
        int account = type.field("Account__c").orElseThrow().index();
        java.util.Set<Object> parents = new java.util.LinkedHashSet<>();
        if (before != null && before[account] != null) {
            parents.add(before[account]);
        }
        if (after != null && after[account] != null) {
            parents.add(after[account]);
        }
        int status = type.field("Status__c").orElseThrow().index();
        for (Object parentId : parents) {
            Optional<Record> parent = find(String.valueOf(parentId));
            if (parent.isEmpty()) {
                continue;
            }
            long completed = tables.get(type).live().stream().filter(c -> parentId.equals(c.get(account))
                    && "Completed".equalsIgnoreCase(String.valueOf(c.get(status)))).count();
            Record p = parent.get();
            Object[] changed = p.values().clone();
            changed[p.type().field(CERTIFICATIONS_ROLL_UP).orElseThrow().index()] = (double) completed;
            changed[SObjectType.SYSTEM_MODSTAMP] = now;
            tables.get(p.type()).replace(p, changed);
        }
    }

    private FieldDef field(SObjectType type, String name) {
        return type.field(name).filter(f -> !hidden(f))
                .orElseThrow(() -> ApiFaultException.noSuchColumn(name, type.name()));
    }

    private static void setIfNull(Object[] values, int index, Object value) {
        if (values[index] == null) {
            values[index] = value;
        }
    }

    private static RecordError conversionError(FieldDef f, Values.ConversionException ex) {
        String code = ex.getMessage().contains("data value too large") ? "STRING_TOO_LONG"
                : ex.getMessage().contains("id value of incorrect type") ? "MALFORMED_ID"
                : "INVALID_TYPE_ON_FIELD_IN_RECORD";
        return RecordError.of(code, ex.getMessage(), f.name());
    }

    private static RecordError notWritable(String verb, List<String> fields) {
        return new RecordError("INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to " + verb + "/update fields: "
                + String.join(", ", fields) + ". Please check the security settings of this field and verify that it "
                + "is read/write for your profile or permission set.", fields);
    }

    private void applyDefaults(SObjectType type, Object[] values, String user) {
        for (FieldDef f : type.fields()) {
            if (values[f.index()] != null) {
                continue;
            }
            if (f.type() == FieldType.BOOLEAN && !f.nillable()) {
                values[f.index()] = f.name().equals("IsActive") && type.name().equals("User");
            } else if (f.name().equals("OwnerId")) {
                values[f.index()] = user;
            }
        }
        if (type.name().equals("Task")) {
            type.field("Status").ifPresent(f -> setIfNull(values, f.index(), "Not Started"));
            type.field("Priority").ifPresent(f -> setIfNull(values, f.index(), "Normal"));
        }
    }

    /** Fields Salesforce computes: Opportunity.IsWon/IsClosed from the stage, User.Name, Task.IsClosed. */
    private static void derive(SObjectType type, Object[] values, Set<String> given) {
        switch (type.name()) {
            case "Opportunity" -> {
                Object stage = values[type.field("StageName").orElseThrow().index()];
                if (stage != null) {
                    String s = stage.toString();
                    boolean won = s.equalsIgnoreCase("Closed Won");
                    boolean closed = won || s.equalsIgnoreCase("Closed Lost");
                    if (!containsIgnoreCase(given, "IsWon")) {
                        values[type.field("IsWon").orElseThrow().index()] = won;
                    }
                    if (!containsIgnoreCase(given, "IsClosed")) {
                        values[type.field("IsClosed").orElseThrow().index()] = closed;
                    }
                    int p = type.field("Probability").orElseThrow().index();
                    boolean stageSet = containsIgnoreCase(given, "StageName") && !containsIgnoreCase(given, "Probability");
                    if (values[p] == null || (stageSet && closed)) {
                        // a closed stage fixes the probability, as the org's closed stages do
                        values[p] = won ? 100.0 : closed ? 0.0 : 10.0;
                    }
                }
                values[type.field("ExpectedRevenue").orElseThrow().index()] = expectedRevenue(
                        values[type.field("Amount").orElseThrow().index()],
                        values[type.field("Probability").orElseThrow().index()]);
            }
            case "User", "Contact" -> {
                Object first = values[type.field("FirstName").orElseThrow().index()];
                Object last = values[type.field("LastName").orElseThrow().index()];
                values[type.field("Name").orElseThrow().index()] =
                        last == null ? null : first == null ? last : first + " " + last;
            }
            case "Task" -> {
                Object status = values[type.field("Status").orElseThrow().index()];
                values[type.field("IsClosed").orElseThrow().index()] = "Completed".equals(status);
            }
            default -> {
            }
        }
    }

    /**
     * Opportunity.PartnerAccountId is read-only and is set by Salesforce to the account of the partner user who owns
     * the opportunity (empty for an internal owner); it follows an owner change. System-mode writes that name it
     * keep their value, so tests can build partner-owned history without partner users.
     */
    private void derivePartnerAccount(SObjectType type, Object[] values, Set<String> given, boolean insert) {
        if (!type.name().equals("Opportunity") || containsIgnoreCase(given, "PartnerAccountId")
                || !(insert || containsIgnoreCase(given, "OwnerId"))) {
            return;
        }
        Object ownerId = values[type.field("OwnerId").orElseThrow().index()];
        Record owner = ownerId == null ? null : findLive(ownerId.toString());
        Object account = null;
        if (owner != null && owner.type().name().equals("User")) {
            SObjectType user = owner.type();
            if ("PowerPartner".equals(owner.get(user.field("UserType").orElseThrow().index()))) {
                account = owner.get(user.field("AccountId").orElseThrow().index());
            }
        }
        values[type.field("PartnerAccountId").orElseThrow().index()] = account;
    }

    /**
     * "If you set IsPrimary to true upon insert of a new OpportunityPartner, any other existing primary partners for
     * that opportunity will automatically have the IsPrimary value set to false" (Object Reference, Partner).
     */
    private void onePrimaryPartner(Record inserted, Instant now) {
        SObjectType type = inserted.type();
        if (!type.name().equals("OpportunityPartner")
                || inserted.get(type.field("IsPrimary").orElseThrow().index()) != Boolean.TRUE) {
            return;
        }
        int opportunity = type.field("OpportunityId").orElseThrow().index();
        int primary = type.field("IsPrimary").orElseThrow().index();
        Object opp = inserted.get(opportunity);
        for (Record other : tables.get(type).live()) {
            if (other != inserted && opp.equals(other.get(opportunity)) && other.get(primary) == Boolean.TRUE) {
                Object[] changed = other.values().clone();
                changed[primary] = Boolean.FALSE;
                changed[SObjectType.LAST_MODIFIED_DATE] = now;
                changed[SObjectType.SYSTEM_MODSTAMP] = now;
                tables.get(type).replace(other, changed);
            }
        }
    }

    /** Opportunity.ExpectedRevenue: Amount times Probability, rounded to the currency's two decimals. */
    public static Double expectedRevenue(Object amount, Object probability) {
        if (amount == null || probability == null) {
            return null;
        }
        double value = ((Number) amount).doubleValue() * ((Number) probability).doubleValue() / 100.0;
        return Math.round(value * 100.0) / 100.0;
    }

    private static boolean containsIgnoreCase(Collection<String> names, String name) {
        for (String n : names) {
            if (n.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private Optional<RecordError> check(SObjectType type, Object[] values, Record existing) {
        List<String> missing = new ArrayList<>();
        for (FieldDef f : type.fields()) {
            Object v = values[f.index()];
            if (f.requiredOnCreate() && v == null) {
                missing.add(f.name());
            }
        }
        if (!missing.isEmpty()) {
            return Optional.of(new RecordError("REQUIRED_FIELD_MISSING",
                    "Required fields are missing: " + missing, missing));
        }
        for (FieldDef f : type.fields()) {
            Object v = values[f.index()];
            if (f.type() == FieldType.REFERENCE && v != null && f.referenceTo() != null && f.index() != SObjectType.ID
                    && schema.type(f.referenceTo()).isPresent()) {
                String id = (String) v;
                SObjectType target = schema.type(f.referenceTo()).get();
                if (!id.startsWith(target.keyPrefix())) {
                    return Optional.of(RecordError.of("FIELD_INTEGRITY_EXCEPTION",
                            f.label() + ": id value of incorrect type: " + id, f.name()));
                }
                if (find(id).isEmpty()) {
                    return Optional.of(RecordError.of("INVALID_CROSS_REFERENCE_KEY",
                            "invalid cross reference id", f.name()));
                }
            }
            if (f.restrictedPicklist() && v != null && !f.restrictedValues().contains(v.toString())) {
                return Optional.of(RecordError.of("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
                        f.label() + ": bad value for restricted picklist field: " + v, f.name()));
            }
            if (f.unique() && v != null) {
                for (Record other : tables.get(type).byExternalId(f, v.toString())) {
                    if (other != existing) {
                        return Optional.of(RecordError.of("DUPLICATE_VALUE", "duplicate value found: " + f.name()
                                + " duplicates value on record with id: " + other.id(), f.name()));
                    }
                }
            }
        }
        if (!rules.isEmpty()) {
            Map<String, Object> view = null;
            for (ValidationRule rule : rules) {
                if (!rule.object().equalsIgnoreCase(type.name())) {
                    continue;
                }
                if (view == null) {
                    view = new LinkedHashMap<>();
                    for (FieldDef f : type.fields()) {
                        view.put(f.name(), f.index() == SObjectType.ID ? (existing == null ? null : existing.id())
                                : values[f.index()]);
                    }
                }
                if (rule.violatedBy().test(view)) {
                    return Optional.of(rule.errorField() == null
                            ? RecordError.of("FIELD_CUSTOM_VALIDATION_EXCEPTION", rule.message())
                            : RecordError.of("FIELD_CUSTOM_VALIDATION_EXCEPTION", rule.message(), rule.errorField()));
                }
            }
        }
        return Optional.empty();
    }

    /** Storage of one type: a growable array (slot = id sequence) and an index per external id field. */
    private static final class Table {
        private final SObjectType type;
        private final List<FieldDef> indexed = new ArrayList<>();
        private final Map<FieldDef, Map<String, List<Record>>> indexes = new HashMap<>();
        private volatile Record[] rows = new Record[64];
        private volatile int size;
        private int live;

        Table(SObjectType type) {
            this.type = type;
            for (FieldDef f : type.fields()) {
                if (f.externalId()) {
                    indexed.add(f);
                    indexes.put(f, new HashMap<>());
                }
            }
        }

        Record add(Object[] values) {
            if (size == rows.length) {
                rows = Arrays.copyOf(rows, rows.length * 2);
            }
            Record r = new Record(type, size, values);
            rows[size] = r;
            size++;
            live++;
            index(r, values, true);
            return r;
        }

        void replace(Record r, Object[] values) {
            index(r, r.values(), false);
            boolean wasDeleted = r.deleted();
            r.replaceValues(values);
            if (!wasDeleted && r.deleted()) {
                live--;
            }
            index(r, values, true);
        }

        private void index(Record r, Object[] values, boolean add) {
            if (values[SObjectType.IS_DELETED] == Boolean.TRUE) {
                return;
            }
            for (FieldDef f : indexed) {
                Object v = values[f.index()];
                if (v == null) {
                    continue;
                }
                String key = v.toString().toLowerCase(Locale.ROOT);
                Map<String, List<Record>> idx = indexes.get(f);
                if (add) {
                    idx.computeIfAbsent(key, k -> new ArrayList<>(1)).add(r);
                } else {
                    List<Record> list = idx.get(key);
                    if (list != null) {
                        list.remove(r);
                        if (list.isEmpty()) {
                            idx.remove(key);
                        }
                    }
                }
            }
        }

        List<Record> live() {
            List<Record> out = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                if (!rows[i].deleted()) {
                    out.add(rows[i]);
                }
            }
            return out;
        }

        /** External ids match case-insensitively, as Salesforce's default (not case-sensitive) external ids do. */
        List<Record> byExternalId(FieldDef f, String value) {
            Map<String, List<Record>> idx = indexes.get(f);
            if (idx == null) {
                return List.of();
            }
            return List.copyOf(idx.getOrDefault(value.toLowerCase(Locale.ROOT), List.of()));
        }
    }
}
