/**
 * Where a user's day starts: a read model over plans, KPIs, alerts, reviews and approval steps, scoped by the one
 * rule of who sees which plans. It only reads, and nothing depends on it; it may depend on every feature below it.
 */
package org.jbp.home;
