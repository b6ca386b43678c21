/**
 * The in-memory org's data: the built-in schema, compact records addressed by realistic 18-character ids,
 * and the rules a save goes through (permissions, required fields, validation rules, external ids).
 * Depends only on the JDK.
 */
package org.jbp.sfsim.store;
