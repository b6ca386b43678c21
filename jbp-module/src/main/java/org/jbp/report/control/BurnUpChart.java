package org.jbp.report.control;

import com.lowagie.text.BadElementException;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Draws a burn-up with OpenPDF's own vector operators (no AWT, so nothing depends on a display or
 * {@code java.awt.headless}): the planned pace in grey, the actual in blue as it grew, the projection dashed in
 * orange, quarter boundaries as dotted lines. The figures are printed beside it as a table for readers who cannot
 * see the chart.
 */
final class BurnUpChart {

    static final float WIDTH = 520;
    static final float HEIGHT = 190;
    private static final float LEFT = 78;
    private static final float RIGHT = 12;
    private static final float BOTTOM = 28;
    private static final float TOP = 24;

    private BurnUpChart() {
    }

    static Image draw(PdfWriter writer, BurnUp chart, ReportFormat format) throws IOException, BadElementException {
        PdfTemplate t = writer.getDirectContent().createTemplate(WIDTH, HEIGHT);
        BaseFont font = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, false);
        long days = Math.max(1, ChronoUnit.DAYS.between(chart.start(), chart.end()));
        double top = chart.highest().doubleValue() * 1.05;
        Scale scale = new Scale(chart.start(), days, top);

        t.setLineWidth(0.5f);
        t.setRGBColorStroke(0x74, 0x74, 0x74);
        t.moveTo(LEFT, BOTTOM);
        t.lineTo(WIDTH - RIGHT, BOTTOM);
        t.moveTo(LEFT, BOTTOM);
        t.lineTo(LEFT, HEIGHT - TOP);
        t.stroke();
        t.beginText();
        t.setFontAndSize(font, 7);
        t.setRGBColorFill(0x18, 0x18, 0x18);
        for (int i = 0; i <= 4; i++) {
            double v = top * i / 4;
            t.showTextAligned(PdfContentByte.ALIGN_RIGHT, format.value(BigDecimal.valueOf(v)
                    .setScale(0, java.math.RoundingMode.HALF_UP), chart.unit()), LEFT - 4, scale.y(v) - 2, 0);
        }
        t.showTextAligned(PdfContentByte.ALIGN_LEFT, format.date(chart.start()), LEFT, BOTTOM - 10, 0);
        t.showTextAligned(PdfContentByte.ALIGN_RIGHT, format.date(chart.end()), WIDTH - RIGHT, BOTTOM - 10, 0);
        for (int q = 0; q < chart.quarterStarts().size(); q++) {
            t.showTextAligned(PdfContentByte.ALIGN_LEFT, "Q" + (q + 1), scale.x(chart.quarterStarts().get(q)) + 2,
                    HEIGHT - TOP + 2, 0);
        }
        t.showTextAligned(PdfContentByte.ALIGN_LEFT, "Planned pace", LEFT + 16, HEIGHT - 9, 0);
        t.showTextAligned(PdfContentByte.ALIGN_LEFT, "Actual", LEFT + 106, HEIGHT - 9, 0);
        t.showTextAligned(PdfContentByte.ALIGN_LEFT, "Projection", LEFT + 166, HEIGHT - 9, 0);
        t.endText();

        // quarter boundaries
        t.setLineDash(1f, 2f);
        for (LocalDate q : chart.quarterStarts().subList(Math.min(1, chart.quarterStarts().size()),
                chart.quarterStarts().size())) {
            t.moveTo(scale.x(q), BOTTOM);
            t.lineTo(scale.x(q), HEIGHT - TOP);
        }
        t.stroke();
        t.setLineDash(0f);

        legend(t, LEFT, 0x70, 0x6e, 0x6b, false);
        legend(t, LEFT + 90, 0x01, 0x76, 0xd3, false);
        legend(t, LEFT + 150, 0xdd, 0x7a, 0x01, true);

        series(t, chart.pace(), scale, 0x70, 0x6e, 0x6b, 1f, false, false);
        // the actual holds its last value up to today, or to the period's end once it is over
        List<BurnUp.Point> actual = new java.util.ArrayList<>(chart.actual());
        LocalDate until = chart.asOf().isBefore(chart.end()) ? chart.asOf() : chart.end();
        if (!actual.isEmpty() && actual.get(actual.size() - 1).date().isBefore(until)) {
            actual.add(new BurnUp.Point(until, actual.get(actual.size() - 1).value()));
        }
        series(t, actual, scale, 0x01, 0x76, 0xd3, 2f, true, false);
        series(t, chart.projection(), scale, 0xdd, 0x7a, 0x01, 1.5f, false, true);

        Image image = Image.getInstance(t);
        image.setAlt("Burn-up of " + chart.label() + ": actual against the planned pace and the projection");
        return image;
    }

    private static void legend(PdfTemplate t, float x, int r, int g, int b, boolean dashed) {
        t.setRGBColorStroke(r, g, b);
        t.setLineWidth(2f);
        if (dashed) {
            t.setLineDash(4f, 2f);
        }
        t.moveTo(x, HEIGHT - 7);
        t.lineTo(x + 12, HEIGHT - 7);
        t.stroke();
        t.setLineDash(0f);
    }

    /** A series as a polyline; {@code steps} holds each value until the next change, as a burn-up grows. */
    private static void series(PdfTemplate t, List<BurnUp.Point> points, Scale scale, int r, int g, int b,
                               float width, boolean steps, boolean dashed) {
        if (points.isEmpty()) {
            return;
        }
        t.setRGBColorStroke(r, g, b);
        t.setLineWidth(width);
        if (dashed) {
            t.setLineDash(4f, 2f);
        }
        BurnUp.Point first = points.get(0);
        t.moveTo(scale.x(first.date()), scale.y(first.value().doubleValue()));
        double previous = first.value().doubleValue();
        for (BurnUp.Point p : points.subList(1, points.size())) {
            if (steps) {
                t.lineTo(scale.x(p.date()), scale.y(previous));
            }
            t.lineTo(scale.x(p.date()), scale.y(p.value().doubleValue()));
            previous = p.value().doubleValue();
        }
        t.stroke();
        t.setLineDash(0f);
    }

    private record Scale(LocalDate start, long days, double top) {
        float x(LocalDate date) {
            return LEFT + (WIDTH - LEFT - RIGHT) * ChronoUnit.DAYS.between(start, date) / days;
        }

        float y(double value) {
            return BOTTOM + (float) ((HEIGHT - TOP - BOTTOM) * (top <= 0 ? 0 : value / top));
        }
    }
}
