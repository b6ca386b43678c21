package org.jbp.sfsim.generator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jbp.sfsim.Org;
import org.jbp.sfsim.store.FieldType;
import org.jbp.sfsim.store.RecordStore;
import org.jbp.sfsim.store.SObjectType;

/**
 * Fills an org with a realistic partner program: one channel program with Platinum/Gold/Silver/Registered
 * levels and members, partner and customer accounts, opportunities over this year and last (won, lost,
 * open; deal registrations; co-sell), campaigns with a partner lookup, MDF budgets, allocations, requests and
 * claims, and certifications. Deterministic for a seed. Bulk records skip the save rules (they are built
 * valid), which keeps a million opportunities to seconds and a few hundred bytes each.
 */
public final class OrgGenerator {

    public static final List<String> TIERS = List.of("Platinum", "Gold", "Silver", "Registered");
    private static final List<String> DEMO_PARTNERS = List.of("Northwind Cloud Partners", "Contoso Consulting",
            "Fabrikam Solutions", "Acme Digital", "Globex Systems", "Initech Services", "Umbrella Integrations",
            "Stark Analytics");
    private static final String[] PREFIXES = {"Blue", "North", "Bright", "Summit", "Vertex", "Nimbus", "Harbor",
        "Cedar", "Quantum", "Atlas", "Falcon", "Silver", "Red", "Pioneer", "Crest", "Apex", "Orbit", "Lumen"};
    private static final String[] SUFFIXES = {"Cloud", "Consulting", "Solutions", "Digital", "Systems", "Partners",
        "Analytics", "Integrations", "Labs", "Group", "Technologies", "Advisors"};
    private static final String[] COUNTRIES = {"United States", "Germany", "United Kingdom", "France", "Japan",
        "Australia", "Canada", "Brazil", "India", "Netherlands"};
    private static final String[] OPEN_STAGES = {"Prospecting", "Qualification", "Needs Analysis",
        "Proposal/Price Quote", "Negotiation/Review"};
    private static final String[] ROLES = {"Sales", "Pre-Sales", "Technical"};
    private static final String[] TRACKS = {"Sales Cloud", "Service Cloud", "Marketing Cloud", "Platform"};

    /** What was generated, for tests that need ids. */
    public record Generated(String programId, Map<String, String> levelIdsByTier, List<String> partnerIds,
                            List<String> customerIds) {
    }

    private OrgGenerator() {
    }

    public static Generated generate(Org org, GeneratorSpec spec) {
        return new Run(org, spec).run();
    }

    /** One generation: state kept in fields to keep the steps short. */
    private static final class Run {
        private final Org org;
        private final GeneratorSpec spec;
        private final RecordStore store;
        private final SplittableRandom random;
        private final Instant now;
        private final LocalDate today;
        private final LocalDate start;
        private final String admin;
        private final List<String> owners = new ArrayList<>();
        private final List<String> partners = new ArrayList<>();
        private final List<Integer> partnerTier = new ArrayList<>();
        private final List<String> customers = new ArrayList<>();
        private final Map<Long, LocalDate> dates = new HashMap<>();
        private String dealRegType;
        private String standardType;

        Run(Org org, GeneratorSpec spec) {
            this.org = org;
            this.spec = spec;
            this.store = org.store();
            this.random = new SplittableRandom(spec.seed());
            this.now = org.clock().instant().truncatedTo(ChronoUnit.MILLIS);
            this.today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            this.start = today.withDayOfYear(1).minusYears(1);
            this.admin = org.adminUserId();
        }

        Generated run() {
            users();
            recordTypes();
            String program = org.insert("ChannelProgram", map("Name", "JBP Partner Program", "IsActive", true));
            Map<String, String> levels = new LinkedHashMap<>();
            for (int i = 0; i < TIERS.size(); i++) {
                levels.put(TIERS.get(i), org.insert("ChannelProgramLevel",
                        map("Name", TIERS.get(i), "ProgramId", program, "Rank", i + 1)));
            }
            store.write(() -> {
                accounts(program, levels);
                opportunities();
                campaignsAndFunds();
                certifications();
                return null;
            });
            return new Generated(program, levels, List.copyOf(partners), List.copyOf(customers));
        }

        private void users() {
            String[][] people = {{"Avery", "Chen"}, {"Jordan", "Patel"}, {"Riley", "Garcia"}, {"Morgan", "Okafor"},
                {"Casey", "Novak"}};
            for (String[] p : people) {
                String username = p[0].toLowerCase() + "." + p[1].toLowerCase() + "@jbp.demo";
                owners.add(org.insert("User", map("Username", username, "FirstName", p[0], "LastName", p[1],
                        "Email", username, "Alias", p[0].substring(0, 1) + p[1].substring(0, 4).toLowerCase(),
                        "IsActive", true, "Title", "Channel Account Manager", "UserType", "Standard")));
            }
        }

        private void recordTypes() {
            dealRegType = org.insert("RecordType", map("Name", "Deal Registration", "DeveloperName",
                    "Deal_Registration", "SobjectType", "Opportunity", "IsActive", true));
            standardType = org.insert("RecordType", map("Name", "Standard", "DeveloperName", "Standard",
                    "SobjectType", "Opportunity", "IsActive", true));
        }

        private void accounts(String program, Map<String, String> levels) {
            SObjectType account = store.type("Account");
            SObjectType member = store.type("ChannelProgramMember");
            for (int i = 0; i < spec.partners(); i++) {
                // A pyramid: few Platinum, many Registered.
                int tier = spec.partners() <= DEMO_PARTNERS.size() ? i * TIERS.size() / spec.partners()
                        : pick(new int[] {8, 17, 30, 45});
                String name = i < DEMO_PARTNERS.size() && spec.partners() <= DEMO_PARTNERS.size()
                        ? DEMO_PARTNERS.get(i) : PREFIXES[random.nextInt(PREFIXES.length)] + " "
                        + SUFFIXES[random.nextInt(SUFFIXES.length)] + " " + (i + 1);
                Object[] a = row(account, created(start.minusYears(2), start));
                set(account, a, "Name", name);
                set(account, a, "Type", "Partner");
                set(account, a, "IsPartner", Boolean.TRUE);
                set(account, a, "Partner_Tier__c", TIERS.get(tier));
                set(account, a, "Partner_Type__c", random.nextInt(3) == 0 ? "Consulting" : "Reseller");
                set(account, a, "OwnerId", owners.get(i % owners.size()));
                set(account, a, "BillingCountry", COUNTRIES[random.nextInt(COUNTRIES.length)]);
                set(account, a, "Industry", "Technology");
                String id = store.insertTrusted(account, a);
                partners.add(id);
                partnerTier.add(tier);
                Object[] m = row(member, (Instant) a[SObjectType.CREATED_DATE]);
                set(member, m, "PartnerId", id);
                set(member, m, "ProgramId", program);
                set(member, m, "LevelId", levels.get(TIERS.get(tier)));
                set(member, m, "Name", name + " - JBP Partner Program");
                store.insertTrusted(member, m);
            }
            int customerCount = Math.max(5, spec.partners() / 2);
            for (int i = 0; i < customerCount; i++) {
                Object[] a = row(account, created(start.minusYears(2), start));
                set(account, a, "Name", PREFIXES[random.nextInt(PREFIXES.length)] + " Industries " + (i + 1));
                set(account, a, "Type", "Customer");
                set(account, a, "IsPartner", Boolean.FALSE);
                set(account, a, "OwnerId", owners.get(i % owners.size()));
                set(account, a, "BillingCountry", COUNTRIES[random.nextInt(COUNTRIES.length)]);
                customers.add(store.insertTrusted(account, a));
            }
        }

        private void opportunities() {
            SObjectType opp = store.type("Opportunity");
            int name = opp.field("Name").orElseThrow().index();
            int accountId = opp.field("AccountId").orElseThrow().index();
            int partnerId = opp.field("PartnerAccountId").orElseThrow().index();
            int recordType = opp.field("RecordTypeId").orElseThrow().index();
            int owner = opp.field("OwnerId").orElseThrow().index();
            int amount = opp.field("Amount").orElseThrow().index();
            int stage = opp.field("StageName").orElseThrow().index();
            int probability = opp.field("Probability").orElseThrow().index();
            int expectedRevenue = opp.field("ExpectedRevenue").orElseThrow().index();
            int closeDate = opp.field("CloseDate").orElseThrow().index();
            int isWon = opp.field("IsWon").orElseThrow().index();
            int isClosed = opp.field("IsClosed").orElseThrow().index();
            int type = opp.field("Type").orElseThrow().index();
            int dealReg = opp.field("Deal_Registration__c").orElseThrow().index();
            int coSell = opp.field("Co_Sell__c").orElseThrow().index();
            Double[] probabilities = {10.0, 20.0, 40.0, 60.0, 80.0};
            long span = ChronoUnit.DAYS.between(start, today) + 1;
            int[] tierWeights = {8, 5, 3, 1};
            int[] cumulative = new int[partners.size()];
            int total = 0;
            for (int i = 0; i < partners.size(); i++) {
                total += tierWeights[partnerTier.get(i)];
                cumulative[i] = total;
            }
            for (int i = 0; i < spec.opportunities(); i++) {
                int p = partnerIndex(cumulative, random.nextInt(total));
                LocalDate createdDay = start.plusDays(random.nextLong(span));
                Instant created = createdDay.atStartOfDay(ZoneOffset.UTC).toInstant()
                        .plusSeconds(random.nextInt(86_400));
                Object[] v = row(opp, created);
                boolean registered = random.nextInt(10) < 3;
                v[name] = "Opp-" + (i + 1);
                v[accountId] = customers.get(random.nextInt(customers.size()));
                v[partnerId] = partners.get(p);
                v[recordType] = registered ? dealRegType : standardType;
                v[owner] = owners.get(p % owners.size());
                v[amount] = (double) ((random.nextInt(2_450) + 50) * 100 * (4 - partnerTier.get(p)));
                LocalDate close = date(createdDay.plusDays(14 + random.nextInt(166)));
                v[closeDate] = close;
                if (!close.isAfter(today)) {
                    boolean won = random.nextInt(100) < 45;
                    v[stage] = won ? "Closed Won" : "Closed Lost";
                    v[isWon] = won;
                    v[isClosed] = Boolean.TRUE;
                    v[probability] = won ? 100.0 : 0.0;
                } else {
                    int s = random.nextInt(OPEN_STAGES.length);
                    v[stage] = OPEN_STAGES[s];
                    v[isWon] = Boolean.FALSE;
                    v[isClosed] = Boolean.FALSE;
                    v[probability] = probabilities[s];
                }
                v[type] = random.nextInt(4) == 0 ? "Existing Business" : "New Business";
                v[dealReg] = registered;
                v[coSell] = random.nextInt(5) == 0;
                v[expectedRevenue] = RecordStore.expectedRevenue(v[amount], v[probability]);
                store.insertTrusted(opp, v);
            }
        }

        private void campaignsAndFunds() {
            SObjectType campaign = store.type("Campaign");
            SObjectType budget = store.type("PartnerMarketingBudget");
            SObjectType allocation = store.type("PartnerFundAllocation");
            SObjectType request = store.type("PartnerFundRequest");
            SObjectType claim = store.type("PartnerFundClaim");
            String[] budgets = new String[2];
            for (int y = 0; y < 2; y++) {
                LocalDate yearStart = start.plusYears(y);
                Object[] b = row(budget, yearStart.atStartOfDay(ZoneOffset.UTC).toInstant());
                set(budget, b, "Title", "MDF " + yearStart.getYear());
                set(budget, b, "Amount", 250_000.0 * Math.max(1, spec.partners() / 8));
                set(budget, b, "Type", "Marketing Development Funds");
                set(budget, b, "StartDate", yearStart);
                set(budget, b, "EndDate", yearStart.plusYears(1).minusDays(1));
                budgets[y] = store.insertTrusted(budget, b);
            }
            Map<String, String> allocations = new HashMap<>();
            for (int i = 0; i < partners.size(); i++) {
                if (partnerTier.get(i) == 3) {
                    continue;
                }
                for (int y = 0; y < 2; y++) {
                    Object[] a = row(allocation, start.plusYears(y).atStartOfDay(ZoneOffset.UTC).toInstant());
                    set(allocation, a, "Title", "MDF " + start.plusYears(y).getYear() + " allocation");
                    set(allocation, a, "Amount", 10_000.0 * (4 - partnerTier.get(i)));
                    set(allocation, a, "BudgetId", budgets[y]);
                    set(allocation, a, "ChannelPartnerId", partners.get(i));
                    set(allocation, a, "Status", "Active");
                    allocations.put(partners.get(i) + "/" + y, store.insertTrusted(allocation, a));
                }
            }
            long span = ChronoUnit.DAYS.between(start, today) + 1;
            String[] types = {"Webinar", "Event", "Email", "Advertisement"};
            for (int i = 0; i < spec.campaigns(); i++) {
                int p = random.nextInt(partners.size());
                LocalDate s = start.plusDays(random.nextLong(span));
                LocalDate e = s.plusDays(7 + random.nextInt(60));
                Object[] c = row(campaign, s.minusDays(20).atStartOfDay(ZoneOffset.UTC).toInstant());
                String status = e.isBefore(today) ? "Completed" : s.isAfter(today) ? "Planned" : "In Progress";
                set(campaign, c, "Name", "Campaign " + (i + 1));
                set(campaign, c, "Type", types[random.nextInt(types.length)]);
                set(campaign, c, "Status", status);
                set(campaign, c, "StartDate", s);
                set(campaign, c, "EndDate", e);
                set(campaign, c, "IsActive", !status.equals("Completed"));
                set(campaign, c, "Partner_Account__c", partners.get(p));
                set(campaign, c, "OwnerId", owners.get(p % owners.size()));
                set(campaign, c, "NumberOfLeads", status.equals("Planned") ? 0 : random.nextInt(400));
                set(campaign, c, "BudgetedCost", (double) (random.nextInt(40) + 5) * 500);
                String campaignId = store.insertTrusted(campaign, c);
                if (random.nextInt(2) == 0) {
                    int y = s.getYear() == start.getYear() ? 0 : 1;
                    double requested = (random.nextInt(20) + 1) * 500.0;
                    String fundStatus = status.equals("Planned") ? "Draft" : random.nextInt(5) == 0
                            ? "Rejected" : "Approved";
                    Object[] r = row(request, s.minusDays(15).atStartOfDay(ZoneOffset.UTC).toInstant());
                    set(request, r, "Title", "MDF for Campaign " + (i + 1));
                    set(request, r, "RequestedAmount", requested);
                    set(request, r, "Amount", fundStatus.equals("Approved") ? requested : null);
                    set(request, r, "CampaignId", campaignId);
                    set(request, r, "ChannelPartnerId", partners.get(p));
                    set(request, r, "AllocationId", allocations.get(partners.get(p) + "/" + y));
                    set(request, r, "Activity", types[random.nextInt(types.length)]);
                    set(request, r, "Status", fundStatus);
                    String requestId = store.insertTrusted(request, r);
                    if (fundStatus.equals("Approved") && status.equals("Completed")) {
                        Object[] cl = row(claim, e.plusDays(5).atStartOfDay(ZoneOffset.UTC).toInstant());
                        set(claim, cl, "Title", "Claim for Campaign " + (i + 1));
                        set(claim, cl, "Amount", requested * (0.6 + random.nextInt(40) / 100.0));
                        set(claim, cl, "RequestId", requestId);
                        set(claim, cl, "ChannelPartnerId", partners.get(p));
                        set(claim, cl, "Status", random.nextInt(3) == 0 ? "Draft"
                                : random.nextInt(2) == 0 ? "Approved" : "Paid");
                        store.insertTrusted(claim, cl);
                    }
                }
            }
        }

        private void certifications() {
            SObjectType cert = store.type("Partner_Certification__c");
            long span = ChronoUnit.DAYS.between(start, today) + 1;
            for (int i = 0; i < spec.certifications(); i++) {
                int p = random.nextInt(partners.size());
                LocalDate when = start.plusDays(random.nextLong(span));
                boolean completed = random.nextInt(100) < 65;
                Object[] c = row(cert, when.minusDays(30).atStartOfDay(ZoneOffset.UTC).toInstant());
                String role = ROLES[random.nextInt(ROLES.length)];
                String track = TRACKS[random.nextInt(TRACKS.length)];
                set(cert, c, "Name", role + " - " + track + " #" + (i + 1));
                set(cert, c, "Account__c", partners.get(p));
                set(cert, c, "Role__c", role);
                set(cert, c, "Track__c", track);
                set(cert, c, "Status__c", completed ? "Completed" : "In Progress");
                set(cert, c, "Completed_Date__c", completed ? date(when) : null);
                store.insertTrusted(cert, c);
            }
        }

        private int pick(int[] weights) {
            int total = 0;
            for (int w : weights) {
                total += w;
            }
            int r = random.nextInt(total);
            for (int i = 0; i < weights.length; i++) {
                r -= weights[i];
                if (r < 0) {
                    return i;
                }
            }
            return weights.length - 1;
        }

        private static int partnerIndex(int[] cumulative, int r) {
            int lo = 0;
            int hi = cumulative.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] > r) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return lo;
        }

        /** One shared LocalDate per day: a million opportunities share a few hundred date objects. */
        private LocalDate date(LocalDate d) {
            return dates.computeIfAbsent(d.toEpochDay(), k -> d);
        }

        private Instant created(LocalDate from, LocalDate to) {
            long days = Math.max(1, ChronoUnit.DAYS.between(from, to));
            return from.plusDays(random.nextLong(days)).atStartOfDay(ZoneOffset.UTC).toInstant()
                    .plusSeconds(random.nextInt(86_400));
        }

        private Object[] row(SObjectType type, Instant createdAt) {
            // a record is never created (or modified) after the moment the org is generated: a random time of
            // day on today's date would otherwise look like a change to every incremental sync until it passes
            Instant created = createdAt.isAfter(now) ? now : createdAt;
            Object[] v = new Object[type.fieldCount()];
            v[SObjectType.CREATED_DATE] = created;
            v[SObjectType.CREATED_BY_ID] = admin;
            v[SObjectType.LAST_MODIFIED_DATE] = created;
            v[SObjectType.LAST_MODIFIED_BY_ID] = admin;
            v[SObjectType.SYSTEM_MODSTAMP] = created;
            type.fields().forEach(f -> {
                if (f.type() == FieldType.BOOLEAN && !f.nillable()) {
                    v[f.index()] = Boolean.FALSE;
                }
            });
            return v;
        }

        private static void set(SObjectType type, Object[] row, String field, Object value) {
            row[type.field(field).orElseThrow().index()] = value;
        }

        private static Map<String, Object> map(Object... kv) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < kv.length; i += 2) {
                m.put((String) kv[i], kv[i + 1]);
            }
            return m;
        }
    }
}
