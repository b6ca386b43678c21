package org.jbp.people.control;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jbp.people.entity.Person;
import org.jbp.people.entity.PersonId;

/** The directory table in memory, counting reads and writes, for unit tests of the directory's logic. */
class MemoryPersonStore extends PersonStore {

    final Map<PersonId, Person> rows = new HashMap<>();
    final Set<String> referenced = new LinkedHashSet<>();
    int reads;
    int writes;
    RuntimeException failWrites;

    @Override
    public Map<PersonId, Person> find(Collection<PersonId> ids) {
        reads++;
        Map<PersonId, Person> out = new HashMap<>();
        ids.forEach(id -> {
            if (rows.containsKey(id)) {
                out.put(id, rows.get(id));
            }
        });
        return out;
    }

    @Override
    public void save(Person person) {
        if (failWrites != null) {
            throw failWrites;
        }
        writes++;
        rows.put(person.id(), person);
    }

    @Override
    public Set<String> referencedByPlans() {
        return referenced;
    }

    /** The directory the module builds over this store: names cached for five minutes by {@code clock}. */
    UserDirectory directory(MutableClock clock) {
        UserDirectory directory = new UserDirectory();
        directory.store = this;
        directory.clock = clock;
        directory.cacheTtl = java.time.Duration.ofMinutes(5);
        return directory;
    }
}
