package org.jbp.people.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jbp.people.entity.Person;
import org.jbp.people.entity.PersonId;
import org.jbp.people.entity.PersonSource;

/**
 * Names for the person ids plans store, and what the directory learns when a person uses the module.
 * <p>
 * Every request passes through {@link #signedIn}, so it must cost nothing when nothing is new: each node keeps the
 * people it has read or written in memory for {@code jbp.directory.cache-ttl}, and writes only a person it did
 * not know or who now looks different (another name, email or active flag). The same cache answers the name
 * look-ups of plan reads, misses included, so an id nobody can name costs one query per TTL, not one per read. A
 * change made on another node shows here once the entry expires.
 */
@ApplicationScoped
public class UserDirectory {

    private static final Logger LOG = Logger.getLogger(UserDirectory.class.getName());
    /** Far more people than any partner program has; past it the cache starts again rather than grow. */
    static final int MAX_CACHED = 100_000;

    private record Cached(Optional<Person> person, Instant loadedAt) {
    }

    private final Map<PersonId, Cached> cache = new ConcurrentHashMap<>();

    @Inject
    PersonStore store;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "jbp.directory.cache-ttl", defaultValue = "PT5M")
    Duration cacheTtl;

    /**
     * The caller as their token or Canvas context names them. Writes only when the person is new here or looks
     * different; a failed write is logged and the request goes on (a name is not worth failing a request for).
     */
    public void signedIn(String userId, String name, String email, PersonSource via) {
        Optional<PersonId> parsed = PersonId.of(userId);
        if (parsed.isEmpty() || name == null || name.isBlank() || name.trim().equals(userId.trim())) {
            // a token without a name claim names nobody; its subject alone is no news
            return;
        }
        PersonId id = parsed.get();
        Instant now = clock.instant();
        Optional<Person> known = lookup(List.of(id), now).get(id);
        Person seen = known.map(k -> k.signedIn(name, email, via, now))
                .orElseGet(() -> new Person(id, name, email, Boolean.TRUE, via, now));
        if (known.isPresent() && !known.get().differsFrom(seen)) {
            return;
        }
        try {
            store.save(seen);
            remember(seen, now);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not record the name of user " + id + "; it is shown by id for now", e);
        }
    }

    /** Stores what Salesforce (or another source) says, as it is, and keeps it in this node's cache. */
    public void record(Person person) {
        store.save(person);
        remember(person, clock.instant());
    }

    /**
     * The name of each id the directory can name; ids it cannot are absent. Keys are the ids as given; null ids
     * are allowed and name nobody, and the map answers {@code get(null)} with null.
     */
    public Map<String, String> names(Collection<String> userIds) {
        Map<String, PersonId> parsed = new HashMap<>();
        for (String raw : userIds) {
            if (raw != null) {
                PersonId.of(raw).ifPresent(id -> parsed.put(raw, id));
            }
        }
        if (parsed.isEmpty()) {
            return new HashMap<>();
        }
        Map<PersonId, Optional<Person>> people = lookup(parsed.values(), clock.instant());
        Map<String, String> names = new HashMap<>();
        parsed.forEach((raw, id) -> people.getOrDefault(id, Optional.empty()).map(Person::name)
                .ifPresent(name -> names.put(raw, name)));
        return names;
    }

    /** The name of one id, empty when the directory cannot name it. */
    public Optional<String> name(String userId) {
        return Optional.ofNullable(names(java.util.Collections.singletonList(userId)).get(userId));
    }

    /** What the directory holds for these ids, read from the database, not from the cache (for the sync). */
    public Map<PersonId, Person> stored(Collection<PersonId> ids) {
        return store.find(ids);
    }

    private Map<PersonId, Optional<Person>> lookup(Collection<PersonId> ids, Instant now) {
        Map<PersonId, Optional<Person>> out = new HashMap<>();
        List<PersonId> misses = new ArrayList<>();
        for (PersonId id : ids) {
            Cached c = cache.get(id);
            if (c != null && c.loadedAt().plus(cacheTtl).isAfter(now)) {
                out.put(id, c.person());
            } else {
                misses.add(id);
            }
        }
        if (!misses.isEmpty()) {
            Map<PersonId, Person> found = store.find(misses);
            if (cache.size() + misses.size() > MAX_CACHED) {
                cache.clear();
            }
            for (PersonId id : misses) {
                Optional<Person> p = Optional.ofNullable(found.get(id));
                cache.put(id, new Cached(p, now));
                out.put(id, p);
            }
        }
        return out;
    }

    private void remember(Person person, Instant now) {
        cache.put(person.id(), new Cached(Optional.of(person), now));
    }
}
