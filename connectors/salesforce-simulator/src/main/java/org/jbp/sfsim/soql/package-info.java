/**
 * SOQL: a hand-written lexer and recursive-descent parser, a compiler that resolves names against the
 * schema (reporting MALFORMED_QUERY / INVALID_FIELD / INVALID_TYPE with row and column) and an executor
 * for filters, parent fields, grouping, ordering and limits. Depends on {@code store}.
 */
package org.jbp.sfsim.soql;
