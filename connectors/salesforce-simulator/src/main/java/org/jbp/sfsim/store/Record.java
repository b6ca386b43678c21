package org.jbp.sfsim.store;

/**
 * One stored record. Values sit in an array indexed by {@link FieldDef#index()}; an update swaps in a
 * new array, so a reader holding the old one always sees a consistent record without locking.
 * The id is derived from the type and the slot, so it costs no memory per record.
 */
public final class Record {

    private final SObjectType type;
    private final int slot;
    private volatile Object[] values;

    Record(SObjectType type, int slot, Object[] values) {
        this.type = type;
        this.slot = slot;
        this.values = values;
    }

    public SObjectType type() {
        return type;
    }

    public String id() {
        return SalesforceIds.of(type.keyPrefix(), RecordStore.ID_OFFSET + slot);
    }

    int slot() {
        return slot;
    }

    public boolean deleted() {
        return values[SObjectType.IS_DELETED] == Boolean.TRUE;
    }

    /** The stored value: String, Boolean, Double, Integer, LocalDate or Instant; null when empty. */
    public Object get(FieldDef field) {
        return field.index() == SObjectType.ID ? id() : values[field.index()];
    }

    public Object get(int index) {
        return index == SObjectType.ID ? id() : values[index];
    }

    Object[] values() {
        return values;
    }

    void replaceValues(Object[] newValues) {
        this.values = newValues;
    }
}
