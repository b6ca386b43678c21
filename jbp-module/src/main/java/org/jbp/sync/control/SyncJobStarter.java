package org.jbp.sync.control;

import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Properties;

/**
 * Hands a job to the batch runtime with the caller's transaction suspended. Payara boots its job repository lazily
 * on the first {@code getJobOperator()}; inside a JTA transaction that already holds a non-XA connection (an EJB
 * timer's, say) that boot fails and leaves the runtime broken for the life of the server.
 */
@ApplicationScoped
public class SyncJobStarter {

    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public long start(String job, Properties parameters) {
        return BatchRuntime.getJobOperator().start(job, parameters);
    }
}
