package org.jbp.crm.salesforce;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.ws.ConnectionException;

/** One Salesforce API call through WSC, run by {@link SalesforceSession#call}. */
@FunctionalInterface
public interface SoapCall<T> {
    T run(PartnerConnection connection) throws ConnectionException;
}
