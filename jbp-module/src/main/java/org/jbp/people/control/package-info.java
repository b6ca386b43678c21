/**
 * The user directory: names for the person ids plans store, learnt from sign-ins (token, Canvas) without a write
 * per request, and from Salesforce User records read in the KPI sync's last step (the sync calls
 * {@code PeopleReadBack} through its own hook, so people does not depend on the sync). Depends on crm-api only.
 */
package org.jbp.people.control;
