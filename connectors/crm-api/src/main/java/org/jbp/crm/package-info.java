/**
 * The CRM boundary as plain Java: partner accounts and KPI facts come in, writes go out, failures are typed.
 * Depends on nothing but the JDK, so the WAR can use it without knowing which CRM sits behind it;
 * the Salesforce implementation lives in {@code org.jbp.crm.salesforce} and is found at run time as a
 * {@link org.jbp.crm.CrmProvider} through {@link java.util.ServiceLoader}.
 */
package org.jbp.crm;
