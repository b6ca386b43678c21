/**
 * {@link org.jbp.crm.CrmConnector} over the Salesforce SOAP partner API through WSC. The only package that imports
 * {@code com.sforce.*}: every call goes through {@link org.jbp.crm.salesforce.SalesforceSession}, every SOQL literal
 * through {@link org.jbp.crm.salesforce.SoqlLiterals} and every id through {@link org.jbp.crm.salesforce.SalesforceId}.
 * The WAR finds it at run time as the {@link org.jbp.crm.CrmProvider} named {@code salesforce}
 * ({@link org.jbp.crm.salesforce.SalesforceCrmProvider}, listed in {@code META-INF/services}).
 */
package org.jbp.crm.salesforce;
