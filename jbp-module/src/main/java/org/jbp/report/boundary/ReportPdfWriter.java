package org.jbp.report.boundary;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jbp.report.control.PeriodEndPdf;
import org.jbp.report.control.PeriodEndReport;
import org.jbp.report.control.ReportFormat;

/**
 * Writes a period-end report as {@code application/pdf} in the reader's language settings: the first
 * Accept-Language the JDK knows, else {@code jbp.report.locale} (the org's), else one that fits the plan's currency.
 */
@Provider
@Produces("application/pdf")
public class ReportPdfWriter implements MessageBodyWriter<PeriodEndReport> {

    @Context
    HttpHeaders request;

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return PeriodEndReport.class.isAssignableFrom(type);
    }

    /** {@code jbp.report.locale}: the org's language for readers whose browser names none. Read per request. */
    Optional<String> orgLocale() {
        return ConfigProvider.getConfig().getOptionalValue("jbp.report.locale", String.class);
    }

    @Override
    public void writeTo(PeriodEndReport report, Class<?> type, Type genericType, Annotation[] annotations,
                        MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out)
            throws java.io.IOException {
        Locale locale = ReportFormat.localeFor(request.getAcceptableLanguages(), orgLocale(), report.currency());
        byte[] pdf = PeriodEndPdf.of(report, new ReportFormat(locale, report.currency()));
        headers.putSingle("Content-Disposition", ReportFiles.attachment(report, "pdf"));
        headers.putSingle("Content-Language", locale.toLanguageTag());
        out.write(pdf);
    }
}
