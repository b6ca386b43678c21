package org.jbp.sfsim.store;

import java.util.List;
import java.util.Objects;

/**
 * One field of an sObject type. {@code index} is the slot of its value in a record's value array,
 * which keeps a million records compact (no per-record maps).
 */
public final class FieldDef {

    private final String name;
    private final String label;
    private final FieldType type;
    private final int index;
    private final int length;
    private final boolean nillable;
    private final boolean createable;
    private final boolean updateable;
    private final boolean externalId;
    private final boolean unique;
    private final boolean requiredOnCreate;
    private final String referenceTo;
    private final String relationshipName;
    private final List<String> restrictedValues;

    FieldDef(Builder b, int index) {
        this.name = Objects.requireNonNull(b.name);
        this.label = b.label != null ? b.label : b.name;
        this.type = Objects.requireNonNull(b.type);
        this.index = index;
        this.length = b.length;
        this.nillable = b.nillable;
        this.createable = b.createable;
        this.updateable = b.updateable;
        this.externalId = b.externalId;
        this.unique = b.unique;
        this.requiredOnCreate = b.required;
        this.referenceTo = b.referenceTo;
        this.relationshipName = b.relationshipName;
        this.restrictedValues = List.copyOf(b.restrictedValues);
    }

    public String name() {
        return name;
    }

    public String label() {
        return label;
    }

    public FieldType type() {
        return type;
    }

    public int index() {
        return index;
    }

    public int length() {
        return length;
    }

    public boolean nillable() {
        return nillable;
    }

    public boolean createable() {
        return createable;
    }

    public boolean updateable() {
        return updateable;
    }

    public boolean externalId() {
        return externalId;
    }

    public boolean unique() {
        return unique;
    }

    public boolean requiredOnCreate() {
        return requiredOnCreate;
    }

    /** The referenced object for REFERENCE fields, else null. */
    public String referenceTo() {
        return referenceTo;
    }

    /** The relationship name for REFERENCE fields (Account for AccountId, Partner_Account__r for Partner_Account__c). */
    public String relationshipName() {
        return relationshipName;
    }

    /** The only values a restricted picklist accepts; empty for any other field. */
    public List<String> restrictedValues() {
        return restrictedValues;
    }

    public boolean restrictedPicklist() {
        return !restrictedValues.isEmpty();
    }

    public boolean custom() {
        return name.endsWith("__c");
    }

    static Builder builder(String name, FieldType type) {
        return new Builder(name, type);
    }

    /** Declares a field; defaults are those of an ordinary writable, nillable custom field. */
    static final class Builder {
        private final String name;
        private final FieldType type;
        private String label;
        private int length;
        private boolean nillable = true;
        private boolean createable = true;
        private boolean updateable = true;
        private boolean externalId;
        private boolean unique;
        private boolean required;
        private String referenceTo;
        private String relationshipName;
        private List<String> restrictedValues = List.of();

        private Builder(String name, FieldType type) {
            this.name = name;
            this.type = type;
            this.length = type == FieldType.TEXTAREA ? 32000 : type.isText() ? 255 : type.isIdLike() ? 18 : 0;
        }

        Builder label(String l) {
            this.label = l;
            return this;
        }

        Builder length(int l) {
            this.length = l;
            return this;
        }

        Builder readOnly() {
            this.createable = false;
            this.updateable = false;
            return this;
        }

        Builder createOnly() {
            this.updateable = false;
            return this;
        }

        Builder required() {
            this.required = true;
            this.nillable = false;
            return this;
        }

        Builder notNillable() {
            this.nillable = false;
            return this;
        }

        Builder externalId(boolean isUnique) {
            this.externalId = true;
            this.unique = isUnique;
            return this;
        }

        /** A restricted picklist: writing any other value fails with INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST. */
        Builder restrictedPicklist(String... values) {
            this.restrictedValues = List.of(values);
            return this;
        }

        Builder references(String object, String relationship) {
            this.referenceTo = object;
            this.relationshipName = relationship;
            return this;
        }
    }
}
