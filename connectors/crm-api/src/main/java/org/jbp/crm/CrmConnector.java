package org.jbp.crm;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the planning product needs from a CRM: partners, KPI facts and a few idempotent writes.
 * Every method may throw {@link CrmException}; its {@link CrmException.Kind} tells the caller whether to retry later,
 * re-authenticate, stop for the day, or give up on the request.
 */
public interface CrmConnector extends AutoCloseable {

    /** Every partner account the CRM knows, read page by page. */
    List<PartnerAccount> partnerAccounts();

    /** Partner accounts changed after {@code since} (exclusive), with the watermark to pass next time. */
    PartnerChanges partnerAccountsChangedSince(Instant since);

    /** KPI facts aggregated in the CRM per partner, quarter and optional breakdown value. */
    List<KpiFact> kpiFacts(KpiFactQuery query);

    /**
     * For incremental sync: per source key, the partners whose source records changed after {@code since}.
     * Recompute {@link #kpiFacts} for exactly those partners.
     */
    Map<String, Set<String>> partnersTouchedSince(Set<String> sourceKeys, Instant since);

    /**
     * For incremental sync: per source key, how many records of its object each of these partners holds now, whatever
     * the source's filters and dates (partners without any are absent). A record moved from partner A to B changes
     * only under B's id, and a record purged from the recycle bin under none, so no change query names A; A's count
     * falling does. Compare with the counts of the last run and recompute the partners whose count changed.
     */
    Map<String, Map<String, Long>> recordCounts(Set<String> sourceKeys, Set<String> partnerIds);

    /**
     * Reads back the fund requests written earlier under these external ids, each with its claims. Ids the CRM
     * does not know (never delivered, or deleted there) are simply absent from the answer.
     */
    List<FundRequestState> fundRequestStates(Collection<String> externalIds);

    /**
     * The users with these ids, active or not, in any order. Ids the CRM does not know, or that are not user ids
     * at all, are simply absent from the answer; no id is ever sent to the CRM unchecked.
     */
    List<CrmUser> usersByIds(Collection<String> userIds);

    /** Applies writes idempotently (keyed by their external ids) and returns one result per write, in order. */
    List<WriteResult> apply(List<? extends CrmWrite> writes);

    /** The CRM's own clock: watermarks come from it, so a skewed local clock cannot skip changes. */
    Instant serverTime();

    /** The CRM's corporate currency and the rates of its active currencies, read once per connector. */
    CurrencyRates currencies();

    /** The org's daily API usage and limit as the last response reported them; empty before the first call. */
    java.util.Optional<ApiUsage> apiUsage();

    /**
     * From now on the connector asks {@code budget} before each request it sends and, when refused, throws
     * {@link CrmException.Kind#BUDGET_USED} instead of sending it. Replaces the budget given before.
     */
    void limitTo(ApiBudget budget);

    /**
     * Queries the CRM stopped for taking too long (Salesforce: QUERY_TIMEOUT) that this connector answered with
     * smaller ones (fewer partners, fewer months) since it was created.
     */
    default long querySplits() {
        return 0;
    }

    /** API calls this connector has made since it was created, for budgets and benchmarks. */
    long apiCallsUsed();

    /** Releases the session; never throws. */
    @Override
    void close();
}
