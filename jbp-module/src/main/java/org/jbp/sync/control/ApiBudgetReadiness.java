package org.jbp.sync.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The org's daily API budget as the last sync run read it from Salesforce's LimitInfoHeader, in
 * {@code /jbp/health/ready} data. Always UP: a spent budget stops syncs (LIMIT_REACHED), not the tab, so it must not
 * take the node out of a load balancer. Reads the runs table only; readiness never calls Salesforce.
 */
@Readiness
@ApplicationScoped
public class ApiBudgetReadiness implements HealthCheck {

    @Inject
    SyncRuns runs;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("salesforce-api-budget").up();
        runs.latestWithBudget().ifPresentOrElse(run -> response
                        .withData("apiRemainingToday", run.apiRemainingToday())
                        .withData("apiLimitToday", run.apiLimitToday())
                        .withData("readBy", run.id().toString())
                        .withData("readAt", String.valueOf(run.endedAt() != null ? run.endedAt() : run.startedAt())),
                () -> response.withData("apiRemainingToday", "not read yet: no sync run has reached Salesforce"));
        return response.build();
    }
}
