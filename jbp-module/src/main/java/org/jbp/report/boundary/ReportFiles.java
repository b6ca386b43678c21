package org.jbp.report.boundary;

import org.jbp.report.control.PeriodEndReport;

/** The file name a downloaded report is saved under: the period's label, safe in any file system. */
final class ReportFiles {

    private ReportFiles() {
    }

    static String attachment(PeriodEndReport report, String extension) {
        return "attachment; filename=\"jbp-report-" + report.period().replaceAll("[^A-Za-z0-9]+", "-") + "."
                + extension + "\"";
    }
}
