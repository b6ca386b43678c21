package org.jbp.report.boundary;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import org.jbp.report.control.PeriodEndCsv;
import org.jbp.report.control.PeriodEndReport;

/** Writes a period-end report as {@code text/csv} when the caller asks for it. */
@Provider
@Produces("text/csv")
public class ReportCsvWriter implements MessageBodyWriter<PeriodEndReport> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return PeriodEndReport.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(PeriodEndReport report, Class<?> type, Type genericType, Annotation[] annotations,
                        MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out)
            throws java.io.IOException {
        headers.putSingle("Content-Disposition", ReportFiles.attachment(report, "csv"));
        out.write(PeriodEndCsv.of(report).getBytes(StandardCharsets.UTF_8));
    }
}
