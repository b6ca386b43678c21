package org.jbp.sfsim.soql;

import java.util.List;
import org.jbp.sfsim.store.FieldDef;
import org.jbp.sfsim.store.SObjectType;

/** How one selected item is written in a record: a field, or a nested parent sObject with its fields. */
public sealed interface OutputNode permits OutputNode.Field, OutputNode.Parent {

    /** A field of the queried object itself. */
    record Field(FieldDef field) implements OutputNode {
    }

    /** A parent relationship (Account, Partner_Account__r) and the fields selected through it, in order. */
    record Parent(FieldDef reference, SObjectType target, List<FieldDef> fields) implements OutputNode {
    }
}
