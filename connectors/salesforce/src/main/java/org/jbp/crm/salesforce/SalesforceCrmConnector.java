package org.jbp.crm.salesforce;

import org.jbp.crm.SalesforceId;
import java.time.Instant;
import java.util.Collection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jbp.crm.CrmConnector;
import org.jbp.crm.CrmUser;
import org.jbp.crm.CrmWrite;
import org.jbp.crm.FundRequestState;
import org.jbp.crm.KpiFact;
import org.jbp.crm.KpiFactQuery;
import org.jbp.crm.PartnerAccount;
import org.jbp.crm.PartnerChanges;
import org.jbp.crm.WriteResult;
import org.jbp.crm.mapping.KpiMapping;
import org.jbp.crm.mapping.KpiSource;
import org.jbp.crm.mapping.PartnerSource;

/**
 * {@link CrmConnector} for Salesforce over the SOAP partner API (WSC). It translates the CRM boundary's facts and
 * commands into SOQL and SOAP calls driven by the {@link KpiMapping}; every call goes through one
 * {@link SalesforceSession}. Not thread-safe: create one per sync job.
 */
public final class SalesforceCrmConnector implements CrmConnector {

    private final SalesforceSession session;
    private final KpiMapping mapping;
    private final QueryStreamer queries;
    private final KpiFactReader facts;
    private final CrmWriter writer;
    private final FundRequestReader fundRequests;
    private final UserReader users;
    private final ProgramTiers tiers;

    public SalesforceCrmConnector(SalesforceSettings settings, KpiMapping mapping) {
        this(new SalesforceSession(settings), mapping);
    }

    public SalesforceCrmConnector(SalesforceSession session, KpiMapping mapping) {
        this.session = session;
        this.mapping = mapping;
        this.queries = new QueryStreamer(session);
        this.facts = new KpiFactReader(session, mapping);
        this.writer = new CrmWriter(session, queries, mapping.writeTargets(), this::currencies);
        this.fundRequests = new FundRequestReader(queries, mapping.writeTargets(),
                () -> facts.userInfo().isOrganizationMultiCurrency());
        this.users = new UserReader(queries);
        this.tiers = new ProgramTiers(queries);
    }

    @Override
    public List<PartnerAccount> partnerAccounts() {
        List<PartnerAccount> partners = new ArrayList<>();
        forEachPartnerAccount(Optional.empty(), partners::add);
        return partners;
    }

    /**
     * Accounts changed since {@code since} and, when tiers come from program membership, the partners whose
     * ChannelProgramMember changed: a new level leaves the Account untouched.
     */
    @Override
    public PartnerChanges partnerAccountsChangedSince(Instant since) {
        List<PartnerAccount> partners = new ArrayList<>();
        Instant[] watermark = {since};
        Consumer<PartnerAccount> collect = partner -> {
            partners.add(partner);
            if (partner.lastModified().isAfter(watermark[0])) {
                watermark[0] = partner.lastModified();
            }
        };
        streamAccounts(List.of("SystemModstamp > " + SoqlLiterals.dateTime(since)), collect);
        if (!mapping.tiersFromProgramMembers()) {
            return new PartnerChanges(partners, watermark[0]);
        }
        ProgramTiers.Changes members = tiers.changedSince(since);
        Set<String> seen = new java.util.HashSet<>();
        partners.forEach(p -> seen.add(p.id()));
        List<String> levelOnly = members.partners().stream().filter(id -> !seen.contains(id)).sorted().toList();
        for (List<String> chunk : AggregateChunkPlanner.chunks(levelOnly, 300)) {
            streamAccounts(List.of("Id IN " + ProgramTiers.inList(chunk)), partners::add);
        }
        if (members.watermark().isAfter(watermark[0])) {
            watermark[0] = members.watermark();
        }
        Map<String, String> levels = tiers.of(partners.stream().map(PartnerAccount::id).toList());
        return new PartnerChanges(partners.stream().map(p -> withTier(p, levels)).toList(), watermark[0]);
    }

    /** Streams partner accounts page by page; callers that do not need a list can use this directly. */
    public void forEachPartnerAccount(Optional<Instant> changedAfter, Consumer<PartnerAccount> each) {
        List<String> conditions = changedAfter.map(t -> List.of("SystemModstamp > " + SoqlLiterals.dateTime(t)))
                .orElse(List.of());
        if (mapping.tiersFromProgramMembers()) {
            Map<String, String> levels = tiers.all();
            streamAccounts(conditions, partner -> each.accept(withTier(partner, levels)));
        } else {
            streamAccounts(conditions, each);
        }
    }

    private static PartnerAccount withTier(PartnerAccount p, Map<String, String> levels) {
        return new PartnerAccount(p.id(), p.name(), Optional.ofNullable(levels.get(p.id())), p.partnerType(),
                p.ownerId(), p.region(), p.country(), p.lastModified());
    }

    private void streamAccounts(List<String> extraConditions, Consumer<PartnerAccount> each) {
        PartnerSource source = mapping.partners();
        List<String> fields = new ArrayList<>(List.of("Id", "Name", "SystemModstamp"));
        source.tierField().ifPresent(fields::add);
        source.typeField().ifPresent(fields::add);
        source.ownerField().ifPresent(fields::add);
        source.regionField().ifPresent(fields::add);
        source.countryField().ifPresent(fields::add);
        List<String> conditions = new ArrayList<>();
        source.filters().forEach(filter -> conditions.add(AggregateSoql.condition(filter)));
        conditions.addAll(extraConditions);
        SoqlSelect select = new SoqlSelect(fields.stream().distinct().toList(), source.object(), conditions);
        queries.forEach(select, record -> each.accept(new PartnerAccount(
                SalesforceId.parse(record.getId()).orElse(record.getId()),
                Records.text(record, "Name").orElse(""),
                source.tierField().flatMap(f -> Records.text(record, f)),
                source.typeField().flatMap(f -> Records.text(record, f)),
                source.ownerField().flatMap(f -> Records.text(record, f)),
                source.regionField().flatMap(f -> Records.text(record, f)),
                source.countryField().flatMap(f -> Records.text(record, f)),
                Records.instant(record, "SystemModstamp").orElse(Instant.EPOCH))));
    }

    @Override
    public List<KpiFact> kpiFacts(KpiFactQuery query) {
        return facts.read(query);
    }

    /**
     * One change query per object and partner field, not per source: sources reading the same records (four KPIs
     * on Opportunity, say) share the answer, since any change to a record may move it in or out of any of them.
     */
    @Override
    public Map<String, Set<String>> partnersTouchedSince(Set<String> sourceKeys, Instant since) {
        Map<String, Set<String>> touched = new TreeMap<>();
        Map<String, Set<String>> byRecords = new TreeMap<>();
        for (String key : new java.util.TreeSet<>(sourceKeys)) {
            KpiSource source = mapping.requireSource(key);
            // sources reading parents through relationships watch those parents' changes too
            Set<String> partners = byRecords.computeIfAbsent(source.object() + "." + source.partnerField() + "|"
                            + KpiFactReader.changedSince(source, Instant.EPOCH),
                    records -> java.util.Collections.unmodifiableSet(facts.partnersTouched(source, since)));
            touched.put(key, partners);
        }
        return touched;
    }

    /** One grouped count per object and partner field, shared by the sources reading those records. */
    @Override
    public Map<String, Map<String, Long>> recordCounts(Set<String> sourceKeys, Set<String> partnerIds) {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        Map<String, Map<String, Long>> byRecords = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String key : new java.util.TreeSet<>(sourceKeys)) {
            KpiSource source = mapping.requireSource(key);
            counts.put(key, byRecords.computeIfAbsent(source.object() + "." + source.partnerField(),
                    records -> java.util.Collections.unmodifiableMap(facts.recordCounts(source, partnerIds))));
        }
        return counts;
    }

    @Override
    public List<FundRequestState> fundRequestStates(Collection<String> externalIds) {
        return fundRequests.read(externalIds);
    }

    @Override
    public List<CrmUser> usersByIds(Collection<String> userIds) {
        return users.read(userIds);
    }

    @Override
    public List<WriteResult> apply(List<? extends CrmWrite> writes) {
        return writer.apply(writes);
    }

    @Override
    public Instant serverTime() {
        return session.call("getServerTimestamp", c -> c.getServerTimestamp()).getTimestamp().toInstant();
    }

    private org.jbp.crm.CurrencyRates currencies;

    /**
     * getUserInfo says whether the org is multi-currency and names its corporate (default) currency; the active
     * CurrencyType records give the rates against it (Object Reference, CurrencyType: "Conversion rate of this
     * currency type against the corporate currency"). A single-currency org has no CurrencyType object. With
     * advanced currency management the org also has DatedConversionRate (StartDate, ConversionRate), which "is not
     * available ... if the organization does not have advanced currency management enabled" (Object Reference,
     * DatedConversionRate): INVALID_TYPE there means no dated rates.
     */
    @Override
    public org.jbp.crm.CurrencyRates currencies() {
        if (currencies == null) {
            var info = facts.userInfo();
            String corporate = info.getOrgDefaultCurrencyIsoCode();
            if (!info.isOrganizationMultiCurrency()) {
                currencies = org.jbp.crm.CurrencyRates.single(corporate);
            } else {
                Map<String, java.math.BigDecimal> rates = new TreeMap<>();
                queries.forEach(new SoqlSelect(List.of("Id", "IsoCode", "ConversionRate"), "CurrencyType",
                        List.of("IsActive = true")), record -> Records.text(record, "IsoCode").ifPresent(
                                code -> rates.put(code, Records.decimal(record, "ConversionRate"))));
                rates.putIfAbsent(corporate, java.math.BigDecimal.ONE);
                currencies = new org.jbp.crm.CurrencyRates(true, corporate, rates, datedRates());
            }
        }
        return currencies;
    }

    private Map<String, java.util.NavigableMap<java.time.LocalDate, java.math.BigDecimal>> datedRates() {
        Map<String, java.util.NavigableMap<java.time.LocalDate, java.math.BigDecimal>> dated = new TreeMap<>();
        try {
            queries.forEach(new SoqlSelect(List.of("Id", "IsoCode", "StartDate", "ConversionRate"),
                    "DatedConversionRate", List.of()), record -> {
                        Optional<String> code = Records.text(record, "IsoCode");
                        Optional<String> start = Records.text(record, "StartDate");
                        if (code.isPresent() && start.isPresent()) {
                            dated.computeIfAbsent(code.get(), c -> new java.util.TreeMap<>()).put(
                                    java.time.LocalDate.parse(start.get()), Records.decimal(record, "ConversionRate"));
                        }
                    });
        } catch (org.jbp.crm.CrmException e) {
            if (!"INVALID_TYPE".equals(e.statusCode())) {
                throw e;
            }
        }
        return dated;
    }

    @Override
    public Optional<org.jbp.crm.ApiUsage> apiUsage() {
        return session.apiUsage();
    }

    @Override
    public void limitTo(org.jbp.crm.ApiBudget budget) {
        session.limitTo(budget);
    }

    @Override
    public long querySplits() {
        return facts.querySplits();
    }

    @Override
    public long apiCallsUsed() {
        return session.requestCount();
    }

    @Override
    public void close() {
        session.close();
    }
}
