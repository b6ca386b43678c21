package org.jbp.crm.salesforce;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.jbp.sfsim.SalesforceSimulator;
import org.jbp.sfsim.SimulatorConfig;
import org.jbp.sfsim.generator.GeneratorSpec;
import org.jbp.sfsim.generator.OrgGenerator;

/**
 * The simulator as the contract tests use it: one place that knows the simulator's Java API, so the tests read
 * as Salesforce behaviour rather than simulator plumbing. Each test starts its own simulator on a free port.
 */
final class SimulatorFixture implements AutoCloseable {

    static final String USERNAME = "admin@jbp.demo";
    static final String PASSWORD = "demo";

    private final SalesforceSimulator simulator;

    private SimulatorFixture(SalesforceSimulator simulator) {
        this.simulator = simulator;
    }

    static SimulatorFixture start() {
        return new SimulatorFixture(SalesforceSimulator.start(SimulatorConfig.builder().port(0).build()));
    }

    /**
     * The retry policy users get ({@link RetryPolicy#DEFAULT}); the tests pass a {@link RecordingSleeper}, so its
     * pauses are checked, not slept.
     */
    SalesforceSettings settings(int queryBatchSize) {
        return SalesforceSettings.builder().loginUrl(simulator.soapEndpoint()).credentials(USERNAME, PASSWORD)
                .queryBatchSize(queryBatchSize).retryPolicy(RetryPolicy.DEFAULT).build();
    }

    /** Fills the org with the simulator's deterministic generator; returns the partner ids. */
    java.util.List<String> generate(int partners, int opportunities, int campaigns, int certifications) {
        return OrgGenerator.generate(simulator.org(), GeneratorSpec.of(partners, opportunities, campaigns,
                certifications, 42L)).partnerIds();
    }

    /** Runs SOQL directly on the simulator's org, bypassing the SOAP API (and its call counter). */
    java.util.List<Map<String, Object>> queryDirectly(String soql) {
        return simulator.org().query(soql);
    }

    /** The org itself, for what a Salesforce user does there (approve a fund request, add a claim). */
    org.jbp.sfsim.Org org() {
        return simulator.org();
    }

    String soapEndpoint() {
        return simulator.soapEndpoint();
    }

    String insert(String type, Map<String, Object> fields) {
        return simulator.org().insert(type, fields);
    }

    /** A partner account and, as in a partner-program org, its ChannelProgramMember at the level named {@code tier}. */
    String insertPartner(String name, String tier) {
        String partner = insert("Account", Map.of("Name", name, "IsPartner", true, "Partner_Tier__c", tier,
                "BillingCountry", "DE"));
        insert("ChannelProgramMember", Map.of("PartnerId", partner, "ProgramId", program(), "LevelId", level(tier)));
        return partner;
    }

    private String program;
    private final Map<String, String> levels = new java.util.HashMap<>();

    String program() {
        if (program == null) {
            program = insert("ChannelProgram", Map.of("Name", "Partner Program", "IsActive", true));
        }
        return program;
    }

    String level(String name) {
        return levels.computeIfAbsent(name, n -> insert("ChannelProgramLevel", Map.of("Name", n, "ProgramId", program())));
    }

    String insertWonOpportunity(String partnerId, String name, BigDecimal amount, LocalDate closeDate) {
        return insert("Opportunity", Map.of("Name", name, "PartnerAccountId", partnerId, "StageName", "Closed Won",
                "CloseDate", closeDate, "Amount", amount));
    }

    String insertCertification(String partnerId, String role, LocalDate completed) {
        return insert("Partner_Certification__c", Map.of("Name", role + " certification", "Account__c", partnerId,
                "Role__c", role, "Track__c", "Core", "Status__c", "Completed", "Completed_Date__c", completed));
    }

    void failNext(int calls, String code) {
        simulator.faults().failNext(calls, code);
    }

    /** Only calls of {@code operation} (e.g. "queryMore") fail. */
    void failNext(int calls, String code, String operation) {
        simulator.faults().failNext(calls, code, operation);
    }

    /** The next {@code records} records written fail with this per-record status code. */
    void failNextRecords(int records, String statusCode) {
        simulator.faults().failNextRecords(records, statusCode);
    }

    void failNextAfterCommit(int calls, String operation) {
        simulator.faults().failNextAfterCommit(calls, operation);
    }

    /** Queries matching more than {@code records} records fail with QUERY_TIMEOUT, as too heavy ones do. */
    void queryTimeoutOver(long records) {
        simulator.faults().queryTimeoutOver(records);
    }

    /** Every query whose SOQL contains {@code soqlText} fails with QUERY_TIMEOUT, however small. */
    void queryTimeoutOn(String soqlText) {
        simulator.faults().queryTimeoutOn(soqlText);
    }

    void expireSessions() {
        simulator.faults().expireSessions();
    }

    void dailyLimit(long requests) {
        simulator.faults().dailyLimit(requests);
    }

    long apiCallCount() {
        return simulator.apiCallCount();
    }

    int count(String type) {
        return simulator.org().count(type);
    }

    Object field(String id, String field) {
        return simulator.org().get(id).orElseThrow(() -> new AssertionError("no record " + id)).get(field);
    }

    String currentUserId() {
        return simulator.org().adminUserId();
    }

    @Override
    public void close() {
        simulator.close();
    }
}
