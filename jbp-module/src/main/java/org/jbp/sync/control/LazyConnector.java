package org.jbp.sync.control;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jbp.crm.CrmConnector;
import org.jbp.crm.CrmUser;
import org.jbp.crm.CrmWrite;
import org.jbp.crm.FundRequestState;
import org.jbp.crm.KpiFact;
import org.jbp.crm.KpiFactQuery;
import org.jbp.crm.PartnerAccount;
import org.jbp.crm.PartnerChanges;
import org.jbp.crm.WriteResult;

/** Connects on the first call, so the application deploys (and reports it) even when Salesforce is down. */
final class LazyConnector implements CrmConnector {

    private final CrmConnectorProducer producer;

    LazyConnector(CrmConnectorProducer producer) {
        this.producer = producer;
    }

    @Override
    public List<PartnerAccount> partnerAccounts() {
        return producer.delegate().partnerAccounts();
    }

    @Override
    public PartnerChanges partnerAccountsChangedSince(Instant since) {
        return producer.delegate().partnerAccountsChangedSince(since);
    }

    @Override
    public List<KpiFact> kpiFacts(KpiFactQuery query) {
        return producer.delegate().kpiFacts(query);
    }

    @Override
    public Map<String, Set<String>> partnersTouchedSince(Set<String> sourceKeys, Instant since) {
        return producer.delegate().partnersTouchedSince(sourceKeys, since);
    }

    /** The application's connection serves the outbox and the tab, which spend no budget of their own. */
    @Override
    public void limitTo(org.jbp.crm.ApiBudget budget) {
        producer.delegate().limitTo(budget);
    }

    @Override
    public long querySplits() {
        return producer.delegate().querySplits();
    }

    @Override
    public Map<String, Map<String, Long>> recordCounts(Set<String> sourceKeys, Set<String> partnerIds) {
        return producer.delegate().recordCounts(sourceKeys, partnerIds);
    }

    @Override
    public List<FundRequestState> fundRequestStates(Collection<String> externalIds) {
        return producer.delegate().fundRequestStates(externalIds);
    }

    @Override
    public List<CrmUser> usersByIds(Collection<String> userIds) {
        return producer.delegate().usersByIds(userIds);
    }

    @Override
    public List<WriteResult> apply(List<? extends CrmWrite> writes) {
        return producer.delegate().apply(writes);
    }

    @Override
    public java.util.Optional<org.jbp.crm.ApiUsage> apiUsage() {
        return producer.delegate().apiUsage();
    }

    @Override
    public Instant serverTime() {
        return producer.delegate().serverTime();
    }

    @Override
    public org.jbp.crm.CurrencyRates currencies() {
        return producer.delegate().currencies();
    }

    @Override
    public long apiCallsUsed() {
        return producer.delegate().apiCallsUsed();
    }

    @Override
    public void close() {
        // the producer owns the connection's life
    }
}
