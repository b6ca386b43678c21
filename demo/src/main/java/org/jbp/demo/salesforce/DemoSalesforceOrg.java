package org.jbp.demo.salesforce;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jbp.sfsim.Org;
import org.jbp.sfsim.SalesforceSimulator;
import org.jbp.sfsim.SimulatorConfig;
import org.jbp.sfsim.generator.GeneratorSpec;
import org.jbp.sfsim.generator.OrgGenerator;

/**
 * The Salesforce org the demo runs against: the simulator with a generated partner program, tidied so that one
 * channel account manager owns every partner account and one partner user exists. The simulator keeps nothing on
 * disk, but the same seed gives the same ids, so the plans kept in PostgreSQL still point at existing accounts
 * after a restart.
 */
public final class DemoSalesforceOrg implements AutoCloseable {

    public static final String USERNAME = "admin@jbp.demo";
    public static final String PASSWORD = "demo";
    /** The generator's channel account managers; the demo picks the first as its CAM and the second as approver. */
    static final String CAM_USERNAME = "avery.chen@jbp.demo";
    static final String APPROVER_USERNAME = "jordan.patel@jbp.demo";
    static final String PARTNER_USERNAME = "pat.partner@northwind.demo";
    static final int MIN_PARTNERS = 6;

    private final SalesforceSimulator simulator;
    private final List<DemoPartner> partners;
    private final DemoUsers users;

    private DemoSalesforceOrg(SalesforceSimulator simulator, List<DemoPartner> partners, DemoUsers users) {
        this.simulator = simulator;
        this.partners = partners;
        this.users = users;
    }

    /** Starts the simulator on 127.0.0.1:{@code port} with the small generated program for {@code seed}. */
    public static DemoSalesforceOrg start(int port, long seed) {
        SalesforceSimulator simulator = SalesforceSimulator.start(SimulatorConfig.builder()
                .port(port).username(USERNAME).password(PASSWORD).build());
        try {
            Org org = simulator.org();
            OrgGenerator.Generated generated = OrgGenerator.generate(org, GeneratorSpec.small(seed));
            String cam = userId(org, CAM_USERNAME);
            String approver = userId(org, APPROVER_USERNAME);
            topUpTiers(org, generated, cam);
            for (String accountId : partnerAccountIds(org)) {
                org.update(accountId, Map.of("OwnerId", cam));
            }
            coSellAsVendorDeals(org, cam);
            List<DemoPartner> partners = readPartners(org);
            DemoPartner featured = partners.get(0);
            String partnerUser = org.insert("User", fields("Username", PARTNER_USERNAME, "FirstName", "Pat",
                    "LastName", "Partner", "Email", PARTNER_USERNAME, "Alias", "ppart", "IsActive", true,
                    "Title", "Alliance Manager", "UserType", "PowerPartner"));
            DemoUsers.User featuredUser = new DemoUsers.User(partnerUser, "Pat Partner (" + featured.name() + ")");
            DemoUsers users = new DemoUsers(
                    new DemoUsers.User(org.adminUserId(), "Demo Admin"),
                    new DemoUsers.User(cam, "Avery Chen"),
                    new DemoUsers.User(approver, "Jordan Patel"),
                    featuredUser,
                    featured,
                    partnerUsers(org, partners, featured, featuredUser));
            return new DemoSalesforceOrg(simulator, partners, users);
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
    }

    /**
     * A partner user (UserType PowerPartner) for every other partner account, named after a person and the partner,
     * so the people directory's read-back of User records names whoever accepted that partner's plans.
     */
    private static Map<String, DemoUsers.User> partnerUsers(Org org, List<DemoPartner> partners, DemoPartner featured,
                                                          DemoUsers.User featuredUser) {
        Map<String, DemoUsers.User> byAccount = new LinkedHashMap<>();
        byAccount.put(featured.accountId(), featuredUser);
        int n = 0;
        for (DemoPartner partner : partners) {
            if (partner.accountId().equals(featured.accountId())) {
                continue;
            }
            String[] person = PARTNER_PEOPLE[n % PARTNER_PEOPLE.length];
            String username = "partner" + (++n) + "@jbp.demo";
            String id = org.insert("User", fields("Username", username, "FirstName", person[0],
                    "LastName", person[1], "Email", username, "Alias", "pu" + n, "IsActive", true,
                    "Title", "Alliance Manager", "UserType", "PowerPartner"));
            byAccount.put(partner.accountId(), new DemoUsers.User(id,
                    person[0] + " " + person[1] + " (" + partner.name() + ")"));
        }
        return byAccount;
    }

    private static final String[][] PARTNER_PEOPLE = {
            {"Morgan", "Diaz"}, {"Riley", "Kim"}, {"Sam", "Okafor"}, {"Taylor", "Brooks"}, {"Jamie", "Rossi"},
            {"Casey", "Novak"}, {"Drew", "Hansen"}, {"Alex", "Moreau"}, {"Robin", "Sato"}, {"Jesse", "Lindqvist"}};

    /**
     * The generator's small org has two partners per tier; should it ever have fewer, the demo adds its own until
     * every tier has one and there are at least {@link #MIN_PARTNERS}.
     */
    private static void topUpTiers(Org org, OrgGenerator.Generated generated, String owner) {
        Map<String, Integer> perTier = new LinkedHashMap<>();
        OrgGenerator.TIERS.forEach(tier -> perTier.put(tier, 0));
        for (Map<String, Object> member : org.query("SELECT Level.Name FROM ChannelProgramMember")) {
            perTier.merge(String.valueOf(member.get("Level.Name")), 1, Integer::sum);
        }
        for (String tier : OrgGenerator.TIERS) {
            if (perTier.get(tier) == 0) {
                addPartner(org, generated, owner, tier, perTier);
            }
        }
        while (perTier.values().stream().mapToInt(Integer::intValue).sum() < MIN_PARTNERS) {
            String leastFilled = OrgGenerator.TIERS.stream().min(Comparator.comparing(perTier::get)).orElseThrow();
            addPartner(org, generated, owner, leastFilled, perTier);
        }
    }

    private static void addPartner(Org org, OrgGenerator.Generated generated, String owner, String tier,
                                   Map<String, Integer> perTier) {
        int number = perTier.merge(tier, 1, Integer::sum);
        String account = org.insert("Account", fields("Name", tier + " Demo Partner " + number, "Type", "Partner",
                "IsPartner", true, "Partner_Tier__c", tier, "Partner_Type__c", "Reseller", "OwnerId", owner,
                "BillingCountry", "Germany", "Industry", "Technology"));
        org.insert("ChannelProgramMember", fields("PartnerId", account, "ProgramId", generated.programId(),
                "LevelId", generated.levelIdsByTier().get(tier)));
    }

    /**
     * The generator flags some deals Co_Sell__c but gives them to the partner. Co-sell is the vendor's own deal with
     * the partner attached: the demo makes those deals the CAM's, which empties PartnerAccountId as an internal
     * owner does in a real org, and names the partner as their primary OpportunityPartner (Object Reference,
     * OpportunityPartner: AccountToId, IsPrimary, Role), so the co-sell engagements KPI has something to count.
     */
    static void coSellAsVendorDeals(Org org, String vendorOwner) {
        for (Map<String, Object> deal : org.query("SELECT Id, PartnerAccountId FROM Opportunity "
                + "WHERE Co_Sell__c = true AND PartnerAccountId != null ORDER BY Id")) {
            Map<String, Object> vendorOwned = new java.util.HashMap<>();
            vendorOwned.put("OwnerId", vendorOwner);
            vendorOwned.put("PartnerAccountId", null);
            org.update((String) deal.get("Id"), vendorOwned);
            org.insert("OpportunityPartner", fields("OpportunityId", deal.get("Id"), "AccountToId",
                    deal.get("PartnerAccountId"), "IsPrimary", true, "Role", "Reseller"));
        }
    }

    private static List<String> partnerAccountIds(Org org) {
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> row : org.query("SELECT Id FROM Account WHERE IsPartner = true")) {
            ids.add((String) row.get("Id"));
        }
        return ids;
    }

    /** The program members, tier from their program level, best tier first, then by name. */
    static List<DemoPartner> readPartners(Org org) {
        List<DemoPartner> partners = new ArrayList<>();
        for (Map<String, Object> row : org.query("SELECT PartnerId, Partner.Name, Partner.Partner_Type__c, "
                + "Partner.OwnerId, Partner.BillingCountry, Level.Name FROM ChannelProgramMember")) {
            String country = (String) row.get("Partner.BillingCountry");
            partners.add(new DemoPartner((String) row.get("PartnerId"), (String) row.get("Partner.Name"),
                    (String) row.get("Level.Name"), (String) row.get("Partner.Partner_Type__c"),
                    (String) row.get("Partner.OwnerId"), region(country)));
        }
        partners.sort(Comparator.comparingInt((DemoPartner p) -> OrgGenerator.TIERS.indexOf(p.tier()))
                .thenComparing(DemoPartner::name));
        return List.copyOf(partners);
    }

    static String region(String country) {
        if (country == null) {
            return "EMEA";
        }
        return switch (country) {
            case "United States", "Canada", "Brazil" -> "AMER";
            case "Japan", "Australia", "India" -> "APAC";
            default -> "EMEA";
        };
    }

    private static String userId(Org org, String username) {
        List<Map<String, Object>> rows = org.query("SELECT Id FROM User WHERE Username = '" + username + "'");
        if (rows.isEmpty()) {
            throw new IllegalStateException("the generated org has no user " + username);
        }
        return (String) rows.get(0).get("Id");
    }

    private static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], Objects.requireNonNull(keysAndValues[i + 1]));
        }
        return map;
    }

    public List<DemoPartner> partners() {
        return partners;
    }

    public DemoUsers users() {
        return users;
    }

    /** The org itself, for tests of what the demo put in it. */
    Org simulatorOrg() {
        return simulator.org();
    }

    /** The login URL the module's Salesforce connector uses. */
    public String soapEndpoint() {
        return simulator.soapEndpoint();
    }

    public String baseUrl() {
        return simulator.baseUrl();
    }

    @Override
    public void close() {
        simulator.close();
    }
}
