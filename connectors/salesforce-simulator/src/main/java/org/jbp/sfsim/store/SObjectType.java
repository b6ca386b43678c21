package org.jbp.sfsim.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** An sObject type: name, key prefix and typed fields. Field names resolve case-insensitively, as in SOQL. */
public final class SObjectType {

    /** Slots of the audit fields every type has, in this order. */
    public static final int ID = 0;
    public static final int IS_DELETED = 1;
    public static final int CREATED_DATE = 2;
    public static final int CREATED_BY_ID = 3;
    public static final int LAST_MODIFIED_DATE = 4;
    public static final int LAST_MODIFIED_BY_ID = 5;
    public static final int SYSTEM_MODSTAMP = 6;

    private final String name;
    private final String label;
    private final String labelPlural;
    private final String keyPrefix;
    private final List<FieldDef> fields;
    private final Map<String, FieldDef> byLowerName;
    private final Map<String, FieldDef> byLowerRelationship;

    SObjectType(String name, String label, String labelPlural, String keyPrefix, List<FieldDef.Builder> declared) {
        this.name = name;
        this.label = label;
        this.labelPlural = labelPlural;
        this.keyPrefix = keyPrefix;
        List<FieldDef> list = new ArrayList<>();
        Map<String, FieldDef> lower = new HashMap<>();
        Map<String, FieldDef> rel = new HashMap<>();
        for (FieldDef.Builder b : declared) {
            FieldDef f = new FieldDef(b, list.size());
            list.add(f);
            lower.put(f.name().toLowerCase(Locale.ROOT), f);
            if (f.relationshipName() != null) {
                rel.put(f.relationshipName().toLowerCase(Locale.ROOT), f);
            }
        }
        this.fields = Collections.unmodifiableList(list);
        this.byLowerName = lower;
        this.byLowerRelationship = rel;
    }

    public String name() {
        return name;
    }

    public String label() {
        return label;
    }

    public String labelPlural() {
        return labelPlural;
    }

    public String keyPrefix() {
        return keyPrefix;
    }

    public boolean custom() {
        return name.endsWith("__c");
    }

    public List<FieldDef> fields() {
        return fields;
    }

    public int fieldCount() {
        return fields.size();
    }

    public Optional<FieldDef> field(String fieldName) {
        return Optional.ofNullable(byLowerName.get(fieldName.toLowerCase(Locale.ROOT)));
    }

    /** The reference field behind a relationship name (Account → AccountId). */
    public Optional<FieldDef> relationship(String relationshipName) {
        return Optional.ofNullable(byLowerRelationship.get(relationshipName.toLowerCase(Locale.ROOT)));
    }

    @Override
    public String toString() {
        return name;
    }
}
