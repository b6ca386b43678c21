package org.jbp.report.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jbp.report.control.PeriodEndReport;
import org.jbp.report.control.PeriodEndReports;
import org.jbp.security.Roles;
import org.jbp.kernel.PlanId;

/**
 * A plan's period-end report. It is one entity in three media types: JAX-RS picks the
 * writer from the Accept header against {@code @Produces} (JSON by JSON-B, CSV and PDF by this package's writers)
 * and answers 406 for a type none of them writes.
 */
@Path("plans/{id}/report")
@RolesAllowed({Roles.ADMIN, Roles.CHANNEL_MANAGER, Roles.APPROVER, Roles.PARTNER})
public class PeriodEndReportResource {

    static final String CSV = "text/csv;charset=UTF-8";
    static final String PDF = "application/pdf";

    @Inject
    PeriodEndReports reports;

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV, PDF})
    @Operation(summary = "Planned vs actual with variance: the period-end report of a CLOSED plan, or an interim one; "
            + "JSON, CSV (plain numbers, ISO dates) or PDF (summary, approval trail, reviews, burn-ups; figures in "
            + "the Accept-Language locale)")
    public PeriodEndReport report(@PathParam("id") PlanId id) {
        return reports.of(id);
    }
}
