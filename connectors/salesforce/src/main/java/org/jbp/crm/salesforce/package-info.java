/**
 * {@link org.jbp.crm.CrmConnector} over the Salesforce SOAP partner API through WSC. The only package that imports
 * {@code com.sforce.*}: every call goes through {@link org.jbp.crm.salesforce.SalesforceSession}, every SOQL literal
 * through {@link org.jbp.crm.salesforce.SoqlLiterals} and every id through {@link org.jbp.crm.salesforce.SalesforceId}.
 */
package org.jbp.crm.salesforce;
