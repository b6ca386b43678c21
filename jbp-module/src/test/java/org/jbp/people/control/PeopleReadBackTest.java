package org.jbp.people.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jbp.crm.CrmConnector;
import org.jbp.crm.CrmException;
import org.jbp.crm.CrmUser;
import org.jbp.crm.CrmWrite;
import org.jbp.crm.FundRequestState;
import org.jbp.crm.KpiFact;
import org.jbp.crm.KpiFactQuery;
import org.jbp.crm.PartnerAccount;
import org.jbp.crm.PartnerChanges;
import org.jbp.crm.WriteResult;
import org.jbp.people.entity.Person;
import org.jbp.people.entity.PersonId;
import org.jbp.people.entity.PersonSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PeopleReadBackTest {

    static final String APPROVER = "005Dn000000ApPr";
    static final String OWNER = "005Dn000000OwNr";

    MemoryPersonStore store;
    MutableClock clock;
    UserDirectory directory;
    PeopleReadBack readBack;
    Users crm;

    @BeforeEach
    void readBack() {
        store = new MemoryPersonStore();
        clock = new MutableClock();
        directory = store.directory(clock);
        readBack = new PeopleReadBack();
        readBack.directory = directory;
        readBack.store = store;
        readBack.clock = clock;
        readBack.refreshAfter = Duration.ofDays(1);
        readBack.limit = 2_000;
        crm = new Users();
    }

    static PersonId id(String raw) {
        return PersonId.of(raw).orElseThrow();
    }

    @Test
    void aNamedApproverWhoNeverSignedInIsNamedFromSalesforceAfterTheSync() {
        store.referenced.add(APPROVER);
        crm.org.add(new CrmUser(id(APPROVER).value(), "Quinn Rivera", Optional.of("quinn@vendor.example"), true));
        readBack.readBack(crm, List.of());
        assertEquals(Optional.of("Quinn Rivera"), directory.name(APPROVER));
        Person stored = store.rows.get(id(APPROVER));
        assertEquals("quinn@vendor.example", stored.email());
        assertEquals(Boolean.TRUE, stored.active());
        assertEquals(PersonSource.SALESFORCE, stored.source());
    }

    @Test
    void onlySalesforceUserIdsAreEverSentToTheCrm() {
        store.referenced.addAll(List.of("crm-sync", "001Dn000000AcCt", "005000000000001XYZ", OWNER, "  "));
        readBack.readBack(crm, List.of());
        assertEquals(List.of(List.of(id(OWNER).value())), crm.asked);
    }

    @Test
    void peopleConfirmedWithinTheRefreshIntervalAreNotAskedAgain() {
        store.referenced.add(APPROVER);
        crm.org.add(new CrmUser(id(APPROVER).value(), "Quinn Rivera", Optional.empty(), true));
        readBack.readBack(crm, List.of());
        clock.advance(Duration.ofHours(23));
        readBack.readBack(crm, List.of());
        assertEquals(1, crm.asked.size(), "a second sync the same day asks nothing");
        clock.advance(Duration.ofHours(2));
        crm.org.set(0, new CrmUser(id(APPROVER).value(), "Quinn Rivera", Optional.empty(), false));
        readBack.readBack(crm, List.of());
        assertEquals(2, crm.asked.size());
        assertEquals(Boolean.FALSE, store.rows.get(id(APPROVER)).active(), "deactivated in Salesforce since");
    }

    @Test
    void salesforceReplacesWhatATokenSaidAndSomeoneSalesforceDoesNotKnowKeepsTheirTokenName() {
        directory.signedIn(OWNER, "Olly from the token", null, PersonSource.TOKEN);
        directory.signedIn(APPROVER, "Alice Approver", null, PersonSource.TOKEN);
        store.referenced.addAll(List.of(OWNER, APPROVER));
        clock.advance(Duration.ofDays(2));
        crm.org.add(new CrmUser(id(OWNER).value(), "Olly Owner", Optional.of("olly@vendor.example"), true));
        readBack.readBack(crm, List.of());
        clock.advance(Duration.ofMinutes(10));
        assertEquals(Optional.of("Olly Owner"), directory.name(OWNER));
        assertEquals(Optional.of("Alice Approver"), directory.name(APPROVER));
        assertEquals(clock.instant().minus(Duration.ofMinutes(10)), store.rows.get(id(APPROVER)).updatedAt(),
                "confirmed as far as we can: not asked again until the interval passes");
    }

    @Test
    void someoneNobodyCanNameIsRememberedAsUnknownSoTheNextSyncDoesNotAskAgain() {
        store.referenced.add(APPROVER);
        readBack.readBack(crm, List.of());
        readBack.readBack(crm, List.of());
        assertEquals(1, crm.asked.size());
        assertNull(store.rows.get(id(APPROVER)).name());
        assertNull(store.rows.get(id(APPROVER)).active(), "not known, not claimed inactive");
        assertEquals(Optional.empty(), directory.name(APPROVER));
    }

    @Test
    void aCrmErrorLeavesTheDirectoryAsItWasAndDoesNotFailTheSync() {
        store.referenced.add(APPROVER);
        crm.fail = new CrmException(CrmException.Kind.PERMANENT, "INVALID_FIELD", "No such column 'Email'", null);
        readBack.readBack(crm, List.of());
        assertFalse(store.rows.containsKey(id(APPROVER)));
    }

    @Test
    void unknownPeopleComeFirstThenTheLongestUnconfirmedUpToTheLimit() {
        Instant now = clock.instant();
        PersonId old = id("005000000000001");
        PersonId older = id("005000000000002");
        PersonId unknown = id("005000000000003");
        PersonId fresh = id("005000000000004");
        Map<PersonId, Person> known = Map.of(
                old, new Person(old, "Old", null, true, PersonSource.TOKEN, now.minus(Duration.ofDays(3))),
                older, new Person(older, "Older", null, true, PersonSource.TOKEN, now.minus(Duration.ofDays(9))),
                fresh, new Person(fresh, "Fresh", null, true, PersonSource.TOKEN, now.minus(Duration.ofHours(1))));
        Set<PersonId> ids = new java.util.LinkedHashSet<>(List.of(old, fresh, unknown, older));
        assertEquals(List.of(unknown, older, old), PeopleReadBack.due(ids, known, now.minus(Duration.ofDays(1)), 10));
        assertEquals(List.of(unknown, older), PeopleReadBack.due(ids, known, now.minus(Duration.ofDays(1)), 2));
    }

    /** A CRM holding a few users; every other call is not this feature's business. */
    static final class Users implements CrmConnector {

        @Override
        public void limitTo(org.jbp.crm.ApiBudget budget) {
        }

        final List<CrmUser> org = new ArrayList<>();
        final List<List<String>> asked = new ArrayList<>();
        CrmException fail;

        @Override
        public List<CrmUser> usersByIds(Collection<String> userIds) {
            asked.add(List.copyOf(userIds));
            if (fail != null) {
                throw fail;
            }
            return org.stream().filter(u -> userIds.contains(u.id())).toList();
        }

        @Override
        public List<PartnerAccount> partnerAccounts() {
            throw new UnsupportedOperationException();
        }

        @Override
        public PartnerChanges partnerAccountsChangedSince(Instant since) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<KpiFact> kpiFacts(KpiFactQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, Set<String>> partnersTouchedSince(Set<String> sourceKeys, Instant since) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, Map<String, Long>> recordCounts(Set<String> sourceKeys, Set<String> partnerIds) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<FundRequestState> fundRequestStates(Collection<String> externalIds) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<WriteResult> apply(List<? extends CrmWrite> writes) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long apiCallsUsed() {
            return asked.size();
        }

        @Override
        public Instant serverTime() {
            throw new UnsupportedOperationException();
        }

        @Override
        public org.jbp.crm.CurrencyRates currencies() {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.util.Optional<org.jbp.crm.ApiUsage> apiUsage() {
            return java.util.Optional.empty();
        }

        @Override
        public void close() {
        }
    }
}
