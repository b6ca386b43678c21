package org.jbp.sfsim;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.jbp.sfsim.soql.CompiledQuery;
import org.jbp.sfsim.soql.QueryEngine;
import org.jbp.sfsim.soql.QueryResult;
import org.jbp.sfsim.store.Record;
import org.jbp.sfsim.store.RecordStore;
import org.jbp.sfsim.store.SObjectType;
import org.jbp.sfsim.store.SalesforceIds;
import org.jbp.sfsim.store.Schema;
import org.jbp.sfsim.store.ValidationRule;
import org.jbp.sfsim.store.WriteResult;

/**
 * The in-memory org, for test setup and inspection in Java. Writes here run in "system mode": audit fields
 * (CreatedDate ...) and read-only fields may be set, so tests can build history. Over SOAP the usual field
 * permissions apply. Values: String, Boolean, Number, LocalDate, Instant (or ISO text).
 */
public final class Org {

    private final String organizationId;
    private final String organizationName;
    private final RecordStore store;
    private final QueryEngine engine;
    private final String adminUserId;

    /** An org with the built-in schema and one active admin user. */
    public Org(Clock clock, String organizationName, String adminUsername) {
        this.organizationId = SalesforceIds.of("00D", 1_000_001L);
        this.organizationName = organizationName;
        this.store = new RecordStore(Schema.builtIn(), clock);
        this.engine = new QueryEngine(store);
        Map<String, Object> admin = new LinkedHashMap<>();
        admin.put("Username", adminUsername);
        admin.put("FirstName", "Demo");
        admin.put("LastName", "Admin");
        admin.put("Email", adminUsername);
        admin.put("Alias", "dadmin");
        admin.put("IsActive", true);
        admin.put("UserType", "Standard");
        admin.put("TimeZoneSidKey", "GMT");
        admin.put("LanguageLocaleKey", "en_US");
        admin.put("LocaleSidKey", "en_US");
        WriteResult r = store.write(() -> store.insert(store.type("User"), admin, RecordStore.Mode.SYSTEM));
        this.adminUserId = r.id();
        store.currentUserId(adminUserId);
        Map<String, Object> organization = new LinkedHashMap<>();
        organization.put("Name", organizationName);
        organization.put("FiscalYearStartMonth", 1);
        organization.put("UsesStartDateAsFiscalYearName", false);
        organization.put("TimeZoneSidKey", "GMT");
        organization.put("DefaultLocaleSidKey", "en_US");
        this.organizationRecordId = store.write(() -> store.insert(store.type("Organization"), organization,
                RecordStore.Mode.SYSTEM)).id();
    }

    private final String organizationRecordId;

    /**
     * A standard fiscal year starting in {@code startMonth}, named by its start or end year; FISCAL_YEAR() and
     * FISCAL_QUARTER() follow it, and the Organization record shows it.
     */
    public Org fiscalYear(int startMonth, boolean usesStartDateAsFiscalYearName) {
        store.calendar(new org.jbp.sfsim.store.OrgCalendar(startMonth, usesStartDateAsFiscalYearName, false));
        store.write(() -> store.update(organizationRecordId, Map.of("FiscalYearStartMonth", startMonth,
                "UsesStartDateAsFiscalYearName", usesStartDateAsFiscalYearName), java.util.Set.of(),
                RecordStore.Mode.SYSTEM));
        return this;
    }

    /**
     * Turns the org multi-currency: CurrencyIsoCode appears on money objects (new records without one get the
     * corporate currency), one active CurrencyType per code with its rate against the corporate currency, and
     * aggregates of currency fields come back in the corporate currency.
     */
    public Org multiCurrency(String corporateIsoCode, Map<String, Double> ratesAgainstCorporate) {
        store.multiCurrency(corporateIsoCode);
        Map<String, Double> all = new java.util.TreeMap<>(ratesAgainstCorporate);
        all.put(corporateIsoCode, 1.0);
        all.forEach((code, rate) -> insert("CurrencyType", Map.of("IsoCode", code, "ConversionRate", rate,
                "DecimalPlaces", 2, "IsActive", true, "IsCorporate", code.equals(corporateIsoCode))));
        return this;
    }

    public boolean multiCurrency() {
        return store.multiCurrency();
    }

    public String corporateCurrency() {
        return store.corporateCurrency();
    }

    public boolean hidden(org.jbp.sfsim.store.FieldDef field) {
        return store.hidden(field);
    }

    /**
     * A dated rate (advanced currency management) from {@code start}; NextStartDate of the code's rates is kept
     * as Salesforce keeps it, the start of the next rate, or 9999-12-31 for the latest.
     */
    public Org datedRate(String isoCode, java.time.LocalDate start, double rate) {
        if (!store.advancedCurrencyManagement()) {
            advancedCurrencyManagement();
        }
        insert("DatedConversionRate", Map.of("IsoCode", isoCode, "StartDate", start, "ConversionRate", rate));
        List<Map<String, Object>> rates = query("SELECT Id, StartDate FROM DatedConversionRate WHERE IsoCode = '"
                + isoCode + "' ORDER BY StartDate");
        for (int i = 0; i < rates.size(); i++) {
            Object next = i + 1 < rates.size() ? rates.get(i + 1).get("StartDate") : java.time.LocalDate.of(9999, 12, 31);
            update((String) rates.get(i).get("Id"), Map.of("NextStartDate", next));
        }
        return this;
    }

    /**
     * Turns on advanced currency management: DatedConversionRate becomes queryable, and Opportunity amounts in
     * aggregates convert at the dated rate of their CloseDate. As when an admin enables it, each currency starts
     * with a dated rate from 1900-01-01 at its CurrencyType rate.
     */
    public Org advancedCurrencyManagement() {
        store.enableAdvancedCurrencyManagement();
        for (Map<String, Object> currency : query("SELECT IsoCode, ConversionRate, IsCorporate FROM CurrencyType")) {
            if (!Boolean.TRUE.equals(currency.get("IsCorporate"))) {
                insert("DatedConversionRate", Map.of("IsoCode", currency.get("IsoCode"), "StartDate",
                        java.time.LocalDate.of(1900, 1, 1), "ConversionRate", currency.get("ConversionRate"),
                        "NextStartDate", java.time.LocalDate.of(9999, 12, 31)));
            }
        }
        return this;
    }

    /**
     * Turns advanced currency management off again, as the Manage Currencies setup page lets an admin do: opportunity
     * amounts convert at the CurrencyType rate again and DatedConversionRate is no longer available (Object
     * Reference, DatedConversionRate: not available "if the organization does not have advanced currency management
     * enabled"). The setup step itself is not in the API documentation (see the README's limits); tests use it to
     * leave the org as they found it.
     */
    public Org disableAdvancedCurrencyManagement() {
        store.disableAdvancedCurrencyManagement();
        return this;
    }

    public boolean hasAdvancedCurrencyManagement() {
        return store.advancedCurrencyManagement();
    }

    /** Custom fiscal years: FISCAL_* date functions are refused. */
    public Org customFiscalYears() {
        org.jbp.sfsim.store.OrgCalendar now = store.calendar();
        store.calendar(new org.jbp.sfsim.store.OrgCalendar(now.fiscalYearStartMonth(),
                now.usesStartDateAsFiscalYearName(), true));
        return this;
    }

    /** The org's default time zone and the admin user's (the one convertTimezone() converts to), e.g. Asia/Tokyo. */
    public Org timeZone(String timeZoneSidKey) {
        java.time.ZoneId.of("GMT".equals(timeZoneSidKey) ? "UTC" : timeZoneSidKey);
        store.write(() -> store.update(organizationRecordId, Map.of("TimeZoneSidKey", timeZoneSidKey),
                java.util.Set.of(), RecordStore.Mode.SYSTEM));
        store.write(() -> store.update(adminUserId, Map.of("TimeZoneSidKey", timeZoneSidKey), java.util.Set.of(),
                RecordStore.Mode.SYSTEM));
        return this;
    }

    /** An empty org on the system clock, for generator and query tests without a server. */
    public static Org create() {
        return new Org(Clock.systemUTC(), "JBP Demo Org", "admin@jbp.demo");
    }

    /** The 18-character organization id (prefix 00D). */
    public String organizationId() {
        return organizationId;
    }

    public String organizationName() {
        return organizationName;
    }

    public String adminUserId() {
        return adminUserId;
    }

    public Schema schema() {
        return store.schema();
    }

    public Clock clock() {
        return store.clock();
    }

    /** The record store behind the SOAP API; for the simulator's own packages and generators. */
    public RecordStore store() {
        return store;
    }

    public QueryEngine queryEngine() {
        return engine;
    }

    /** Inserts one record and returns its 18-character id; throws IllegalArgumentException with the errors. */
    public String insert(String object, Map<String, Object> fields) {
        SObjectType type = store.type(object);
        return orThrow(store.write(() -> store.insert(type, fields, RecordStore.Mode.SYSTEM)), object);
    }

    /**
     * A partner user of an Experience Cloud site: a User for the contact, whose read-only AccountId Salesforce
     * derives from the contact's account (that is the account a partner user's plans are scoped to).
     */
    public String insertPartnerUser(String contactId, Map<String, Object> fields) {
        Object account = get(contactId).filter(c -> "Contact".equals(typeOf(contactId)))
                .map(c -> c.get("AccountId"))
                .orElseThrow(() -> new IllegalArgumentException(contactId + " is not a contact with an account"));
        Map<String, Object> user = new java.util.LinkedHashMap<>(fields);
        user.put("ContactId", contactId);
        user.put("AccountId", account);
        user.putIfAbsent("UserType", "PowerPartner");
        return insert("User", user);
    }

    private String typeOf(String id) {
        return schema().typeOfId(id).map(t -> t.name()).orElse("");
    }

    /** Inserts many records of one type and returns their ids in order. */
    public List<String> insertAll(String object, List<Map<String, Object>> records) {
        SObjectType type = store.type(object);
        return store.write(() -> {
            List<String> ids = new ArrayList<>(records.size());
            for (Map<String, Object> fields : records) {
                ids.add(orThrow(store.insert(type, fields, RecordStore.Mode.SYSTEM), object));
            }
            return ids;
        });
    }

    public void update(String id, Map<String, Object> fields) {
        orThrow(store.write(() -> store.update(id, fields, Set.of(), RecordStore.Mode.SYSTEM)), id);
    }

    /**
     * What a channel manager does in Salesforce to a fund request JBP wrote: change its Status, enter the approved
     * Amount. Found by its external id; fails as an update would (a Status outside the restricted picklist).
     */
    public String updateFundRequest(String externalId, Map<String, Object> fields) {
        String id = fundRequestId(externalId);
        update(id, fields);
        return id;
    }

    /**
     * What a partner does: claim funds against the fund request JBP wrote under {@code externalId}. The claim's
     * ChannelPartnerId follows the request's, as Salesforce derives it (the field is read-only in the API).
     */
    public String addFundClaim(String externalId, Map<String, Object> fields) {
        String requestId = fundRequestId(externalId);
        Map<String, Object> claim = new java.util.LinkedHashMap<>(fields);
        claim.put("RequestId", requestId);
        get(requestId).map(r -> r.get("ChannelPartnerId")).ifPresent(p -> claim.put("ChannelPartnerId", p));
        claim.putIfAbsent("Title", "Claim against " + externalId);
        return insert("PartnerFundClaim", claim);
    }

    private String fundRequestId(String externalId) {
        List<Map<String, Object>> rows = query("SELECT Id FROM PartnerFundRequest WHERE JBP_External_Id__c = '"
                + externalId.replace("\\", "\\\\").replace("'", "\\'") + "'");
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("No PartnerFundRequest with JBP_External_Id__c = " + externalId);
        }
        return (String) rows.get(0).get("Id");
    }

    public void delete(String id) {
        orThrow(store.write(() -> store.delete(id)), id);
    }

    /** The live record with this id as field name → value, every field of its type included. */
    public Optional<Map<String, Object>> get(String id) {
        return store.read(() -> store.find(id).map(RecordStore::toMap));
    }

    /** Runs SOQL; plain rows map selected paths (Name, Account.Name) to values, aggregate rows map columns. */
    public List<Map<String, Object>> query(String soql) {
        CompiledQuery q = engine.compile(soql);
        return store.read(() -> {
            QueryResult result = engine.execute(q, false);
            List<Map<String, Object>> out = new ArrayList<>();
            if (q.aggregate()) {
                for (Object[] row : result.rows()) {
                    out.add(q.project(row));
                }
            } else if (q.countOnly()) {
                out.add(Map.of("count", result.count()));
            } else {
                for (Record r : result.records()) {
                    out.add(q.project(r));
                }
            }
            return out;
        });
    }

    /** Live records of a type. */
    public int count(String object) {
        return store.count(store.type(object));
    }

    /** Adds a validation rule: saves of {@code object} for which {@code violatedBy} holds fail. */
    public void addValidationRule(String object, String name, Predicate<Map<String, Object>> violatedBy,
                                  String message, String errorField) {
        store.addValidationRule(new ValidationRule(object, name, violatedBy, message, errorField));
    }

    public void clearValidationRules() {
        store.clearValidationRules();
    }

    private static String orThrow(WriteResult r, String what) {
        if (!r.success()) {
            throw new IllegalArgumentException(what + ": " + r.errors());
        }
        return r.id();
    }
}
