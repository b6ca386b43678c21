/** The home's queries: scope and filters in PostgreSQL, then the per-plan KPI figures for one page of plans. */
package org.jbp.home.control;
