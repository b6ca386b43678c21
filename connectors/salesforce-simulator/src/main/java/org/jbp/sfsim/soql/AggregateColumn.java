package org.jbp.sfsim.soql;

/**
 * A column of an AggregateResult: its element name (alias, exprN or the grouped field's name) and the
 * xsi:type its values carry (xsd:double for SUM, xsd:int for COUNT ...).
 */
public record AggregateColumn(String name, String xsiType) {
}
