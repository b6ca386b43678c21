package org.jbp.people.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jbp.people.entity.Person;
import org.jbp.people.entity.PersonId;
import org.jbp.people.entity.PersonSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserDirectoryTest {

    static final String CASEY_15 = "005Dn000000CaSe";
    static final String CASEY_18 = PersonId.of(CASEY_15).orElseThrow().value();

    MemoryPersonStore store;
    MutableClock clock;
    UserDirectory directory;

    @BeforeEach
    void directory() {
        store = new MemoryPersonStore();
        clock = new MutableClock();
        directory = store.directory(clock);
    }

    @Test
    void aPersonCallingAHundredTimesIsWrittenOnceAndReadFromTheDatabaseOnce() {
        for (int i = 0; i < 100; i++) {
            directory.signedIn(CASEY_15, "Casey Channel", null, PersonSource.TOKEN);
        }
        assertEquals(1, store.writes, "only the first request was news");
        assertEquals(1, store.reads, "the first request looked the person up; the others hit the cache");
        assertEquals(Map.of(CASEY_15, "Casey Channel"), directory.names(List.of(CASEY_15)));
    }

    @Test
    void aNewNameInTheTokenIsWrittenAndShownAtOnce() {
        directory.signedIn(CASEY_15, "Casey Channel", null, PersonSource.TOKEN);
        directory.signedIn(CASEY_15, "Casey Channel-Novak", null, PersonSource.TOKEN);
        assertEquals(2, store.writes);
        assertEquals(Optional.of("Casey Channel-Novak"), directory.name(CASEY_15));
    }

    @Test
    void theFifteenAndEighteenCharacterFormsOfAnIdAreTheSamePerson() {
        directory.signedIn(CASEY_15, "Casey Channel", null, PersonSource.TOKEN);
        directory.signedIn(CASEY_18, "Casey Channel", null, PersonSource.CANVAS);
        assertEquals(1, store.writes, "the same person, unchanged");
        assertEquals(Map.of(CASEY_18, "Casey Channel", CASEY_15, "Casey Channel"),
                directory.names(List.of(CASEY_18, CASEY_15)), "answered under the id each caller asked with");
    }

    @Test
    void aTokenWithoutEmailKeepsTheEmailSalesforceGaveAndWritesNothing() {
        PersonId id = PersonId.of(CASEY_15).orElseThrow();
        store.rows.put(id, new Person(id, "Casey Channel", "casey@vendor.example", true, PersonSource.SALESFORCE,
                clock.instant()));
        directory.signedIn(CASEY_15, "Casey Channel", null, PersonSource.TOKEN);
        assertEquals(0, store.writes);
        assertEquals("casey@vendor.example", store.rows.get(id).email());
    }

    @Test
    void aTokenWithoutANameClaimNamesNobodyAndWritesNothing() {
        directory.signedIn(CASEY_15, null, "casey@vendor.example", PersonSource.TOKEN);
        directory.signedIn(CASEY_15, CASEY_15, null, PersonSource.TOKEN);
        directory.signedIn(null, "Nobody", null, PersonSource.TOKEN);
        assertEquals(0, store.writes);
        assertEquals(Map.of(), directory.names(List.of(CASEY_15)));
    }

    @Test
    void anIdNobodyCanNameIsAskedForOncePerCacheLifetimeNotOncePerRead() {
        for (int i = 0; i < 10; i++) {
            assertEquals(Optional.empty(), directory.name("crm-sync"));
        }
        assertEquals(1, store.reads);
        clock.advance(Duration.ofMinutes(6));
        directory.name("crm-sync");
        assertEquals(2, store.reads, "asked again once the cached miss expired");
    }

    @Test
    void aNameAnotherNodeWroteShowsHereOnceTheCachedEntryExpires() {
        directory.signedIn(CASEY_15, "Casey Channel", null, PersonSource.TOKEN);
        PersonId id = PersonId.of(CASEY_15).orElseThrow();
        store.rows.put(id, new Person(id, "Casey Novak", null, true, PersonSource.SALESFORCE, clock.instant()));
        assertEquals(Optional.of("Casey Channel"), directory.name(CASEY_15), "still cached");
        clock.advance(Duration.ofMinutes(6));
        assertEquals(Optional.of("Casey Novak"), directory.name(CASEY_15));
    }

    @Test
    void aFailedWriteDoesNotFailTheRequestAndIsTriedAgainOnTheNext() {
        store.failWrites = new IllegalStateException("database gone");
        directory.signedIn(CASEY_15, "Casey Channel", null, PersonSource.TOKEN);
        store.failWrites = null;
        directory.signedIn(CASEY_15, "Casey Channel", null, PersonSource.TOKEN);
        assertEquals(1, store.writes);
        assertTrue(directory.name(CASEY_15).isPresent());
    }

    @Test
    void onePlanListOfManyOwnersCostsOneDatabaseRead() {
        List<String> owners = List.of("005000000000001", "005000000000002", "005000000000003", "005000000000001");
        directory.names(owners);
        directory.names(owners);
        assertEquals(1, store.reads);
    }
}
