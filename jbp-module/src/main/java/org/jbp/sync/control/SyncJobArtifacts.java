package org.jbp.sync.control;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jbp.sync.control.ActualsCalculator.PlanScope;

/**
 * The batch artifacts of {@code META-INF/batch-jobs/kpi-sync.xml}. They only move items; the work and its
 * transactions are in {@link SyncSteps}. Resumption reads the run's checkpoint in the database rather than the
 * batch runtime's own checkpoint, because the runtime's job repository is local to an instance and a run must
 * also resume on another instance after a takeover.
 */
final class SyncJobArtifacts {

    private static final Logger LOG = Logger.getLogger(SyncJobArtifacts.class.getName());

    private SyncJobArtifacts() {
    }

    static UUID runId(JobContext job) {
        return UUID.fromString(BatchRuntime.getJobOperator().getParameters(job.getExecutionId()).getProperty("runId"));
    }

    /**
     * Runs one piece of a step and records a failure on the run itself before the batch runtime sees it, so the
     * run shows the real error rather than only the listener's "execution ended" note.
     */
    static void failingTheRun(SyncSteps steps, UUID runId, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            steps.failed(runId, e);
            throw e;
        }
    }

    /** A one-shot step of the run: does its work, and marks the run failed when the work throws. */
    abstract static class RunStep extends AbstractBatchlet {
        @Inject
        JobContext job;
        @Inject
        SyncSteps steps;

        abstract void run(UUID runId);

        @Override
        public String process() {
            UUID runId = runId(job);
            failingTheRun(steps, runId, () -> run(runId));
            return "COMPLETED";
        }
    }

    /** Step "partners". */
    @Named("partnerSync")
    @Dependent
    public static class PartnerSync extends RunStep {
        @Override
        void run(UUID runId) {
            steps.partners(runId);
        }
    }

    /**
     * The items of a chunk step, listed when the step opens. A step may stop while listing them (the run's API share
     * reached): the run records why, not only that it ended.
     */
    abstract static class RunItems<T> extends AbstractItemReader {
        @Inject
        JobContext job;
        @Inject
        SyncSteps steps;
        private final java.util.function.BiFunction<SyncSteps, UUID, List<T>> listing;
        private final java.util.function.Function<T, Serializable> checkpointOf;
        private Iterator<T> items;
        private Serializable last;

        /**
         * @param listing the step's items for a run
         * @param checkpointOf what the batch runtime keeps as the checkpoint after an item (the run itself resumes
         *     from the database)
         */
        RunItems(java.util.function.BiFunction<SyncSteps, UUID, List<T>> listing,
                 java.util.function.Function<T, Serializable> checkpointOf) {
            this.listing = listing;
            this.checkpointOf = checkpointOf;
        }

        @Override
        public void open(Serializable checkpoint) {
            UUID runId = runId(job);
            failingTheRun(steps, runId, () -> items = listing.apply(steps, runId).iterator());
        }

        @Override
        public Object readItem() {
            if (!items.hasNext()) {
                return null;
            }
            T next = items.next();
            last = checkpointOf.apply(next);
            return next;
        }

        @Override
        public Serializable checkpointInfo() {
            return last;
        }
    }

    /** The writing half of a chunk step: hands a chunk of items to {@link SyncSteps}, failing the run if it throws. */
    abstract static class RunWrites extends AbstractItemWriter {
        @Inject
        JobContext job;
        @Inject
        SyncSteps steps;
        private final Writing writing;

        @FunctionalInterface
        interface Writing {
            void write(SyncSteps steps, UUID runId, List<Object> items);
        }

        RunWrites(Writing writing) {
            this.writing = writing;
        }

        @Override
        public void writeItems(List<Object> items) {
            UUID runId = runId(job);
            failingTheRun(steps, runId, () -> writing.write(steps, runId, items));
        }
    }

    /** Step "facts": one item per KPI source key. */
    @Named("factSources")
    @Dependent
    public static class FactSources extends RunItems<String> {
        public FactSources() {
            super(SyncSteps::sourcesToFetch, key -> key);
        }
    }

    @Named("factWriter")
    @Dependent
    public static class FactWriter extends RunWrites {
        public FactWriter() {
            super((steps, runId, items) -> items.forEach(key -> steps.fetch(runId, (String) key)));
        }
    }

    /** Step "actuals": one item per plan. */
    @Named("planItems")
    @Dependent
    public static class PlanItems extends RunItems<PlanScope> {
        public PlanItems() {
            super(SyncSteps::plansToCompute, plan -> plan.planId().toString());
        }
    }

    @Named("actualsWriter")
    @Dependent
    public static class ActualsWriter extends RunWrites {
        public ActualsWriter() {
            super((steps, runId, items) -> steps.compute(runId, items.stream().map(PlanScope.class::cast).toList()));
        }
    }

    /** Step "alerts": one item per plan to judge. */
    @Named("judgedPlans")
    @Dependent
    public static class JudgedPlans extends RunItems<PlanScope> {
        public JudgedPlans() {
            super(SyncSteps::plansToJudge, plan -> plan.planId().toString());
        }
    }

    @Named("alertsWriter")
    @Dependent
    public static class AlertsWriter extends RunWrites {
        public AlertsWriter() {
            super((steps, runId, items) -> steps.judge(runId, items.stream().map(PlanScope.class::cast).toList()));
        }
    }

    /** Step "finish": read-backs, watermarks, completion. */
    @Named("syncFinish")
    @Dependent
    public static class Finish extends RunStep {
        @Override
        void run(UUID runId) {
            steps.finish(runId);
        }
    }

    /** Whatever happened, the execution releases its connector and lease; an unfinished run is marked. */
    @Named("syncJobListener")
    @Dependent
    public static class Listener extends AbstractJobListener {
        @Inject
        JobContext job;
        @Inject
        SyncSteps steps;
        @Inject
        SyncRuns runs;
        @Inject
        SyncLauncher launcher;
        @Inject
        SyncConnectors connectors;

        @Override
        public void afterJob() {
            UUID runId = runId(job);
            try {
                runs.find(runId).filter(r -> r.status() == org.jbp.sync.entity.SyncStatus.RUNNING)
                        .ifPresent(r -> steps.failed(runId, new IllegalStateException(
                                "execution ended as " + job.getExitStatus() + " before the run finished")));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "cannot record the end of sync run " + runId, e);
            } finally {
                connectors.close(runId);
                launcher.finished(runId);
            }
        }
    }
}
