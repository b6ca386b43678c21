package org.jbp.crm;

import java.util.Optional;

/**
 * How far a connector's user lets it spend the org's API requests. The connector asks before every request it
 * sends (each page, each retry), so a budget ends the work at the request where it is used up, not at the end of
 * an operation that happened to make several. A refusal is thrown as {@link CrmException.Kind#BUDGET_USED}.
 */
@FunctionalInterface
public interface ApiBudget {

    /** No budget of the caller's own: only the org's daily limit stops the connector. */
    ApiBudget UNLIMITED = usage -> Optional.empty();

    /**
     * @param orgUsage the org's usage and daily limit as the connector's last response reported them; empty before
     *                 its first response, which is why a budget set as a share of the limit cannot refuse the first
     *                 request
     * @return why the next request may not be sent, or empty to send it
     */
    Optional<String> refusal(Optional<ApiUsage> orgUsage);
}
