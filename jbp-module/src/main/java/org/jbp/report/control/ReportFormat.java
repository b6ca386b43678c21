package org.jbp.report.control;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Figures as a reader expects them: money in the plan's currency with the reader's separators and symbol, dates
 * in the reader's words. The PDF's standard fonts know the no-break space but not the narrow one some locales
 * use, so narrow and thin spaces become no-break spaces.
 */
public final class ReportFormat {

    private final Locale locale;
    private final Currency currency;

    public ReportFormat(Locale locale, String currencyCode) {
        this.locale = locale;
        this.currency = currencyCode == null ? null : Currency.getInstance(currencyCode);
    }

    /**
     * The locale to write for: the reader's first acceptable language that names a known locale, else the
     * configured one (the org's), else one whose country pays in the plan's currency (English preferred).
     */
    public static Locale localeFor(List<Locale> acceptable, Optional<String> configured, String currencyCode) {
        for (Locale l : acceptable) {
            if (!l.getLanguage().isEmpty() && !"*".equals(l.getLanguage())
                    && !l.getDisplayLanguage(Locale.ENGLISH).equals(l.getLanguage())) {
                return l;
            }
        }
        if (configured.isPresent() && !configured.get().isBlank()) {
            return Locale.forLanguageTag(configured.get().trim());
        }
        return new Locale("en", defaultCountryOf(currencyCode));
    }

    /** A country that uses the currency, preferring one where English is spoken; US when none is known. */
    static String defaultCountryOf(String currencyCode) {
        if (currencyCode == null) {
            return "US";
        }
        return java.util.Arrays.stream(Locale.getAvailableLocales())
                .filter(l -> l.getCountry().length() == 2 && l.getVariant().isEmpty())
                .filter(l -> {
                    try {
                        Currency c = Currency.getInstance(l);
                        return c != null && c.getCurrencyCode().equals(currencyCode);
                    } catch (IllegalArgumentException e) {
                        return false;
                    }
                })
                .min(Comparator.comparing((Locale l) -> !l.getLanguage().equals("en"))
                        .thenComparing(l -> rank(l.getCountry()))
                        .thenComparing(Locale::getCountry))
                .map(Locale::getCountry).orElse("US");
    }

    /** Where English is the first language, in order, so EUR reads as in Ireland rather than as in Austria. */
    private static final List<String> ENGLISH_FIRST = List.of("US", "GB", "IE", "AU", "CA", "NZ", "SG", "IN", "ZA");

    private static int rank(String country) {
        int i = ENGLISH_FIRST.indexOf(country);
        return i < 0 ? ENGLISH_FIRST.size() : i;
    }

    public Locale locale() {
        return locale;
    }

    public String money(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        NumberFormat f = NumberFormat.getCurrencyInstance(locale);
        if (currency != null) {
            f.setCurrency(currency);
            f.setMinimumFractionDigits(currency.getDefaultFractionDigits());
            f.setMaximumFractionDigits(currency.getDefaultFractionDigits());
        }
        return printable(f.format(amount));
    }

    public String number(BigDecimal value) {
        if (value == null) {
            return "";
        }
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(2);
        return printable(f.format(value));
    }

    /** A percentage given as percent points (92.5 means 92.5 %). */
    public String percent(BigDecimal points) {
        if (points == null) {
            return "";
        }
        NumberFormat f = NumberFormat.getPercentInstance(locale);
        f.setMaximumFractionDigits(1);
        return printable(f.format(points.movePointLeft(2)));
    }

    /** A figure in its KPI unit: money, a percentage or a plain number. */
    public String value(BigDecimal value, String unit) {
        if ("CURRENCY".equals(unit)) {
            return money(value);
        }
        if ("PERCENT".equals(unit)) {
            return percent(value);
        }
        return number(value);
    }

    /** A figure stored as text (a vendor commitment), formatted when it is a number. */
    public String value(String text, String unit) {
        if (text == null) {
            return "";
        }
        try {
            BigDecimal number = new BigDecimal(text);
            return "HOURS".equals(unit) ? number(number) + " h" : value(number, unit);
        } catch (NumberFormatException words) {
            return text;
        }
    }

    public String date(LocalDate date) {
        return date == null ? "" : printable(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
                .format(date));
    }

    /** A moment to the minute, in UTC (the module's clock), said so. */
    public String moment(Instant at) {
        return at == null ? "" : printable(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(ZoneOffset.UTC).format(at)) + " UTC";
    }

    private static String printable(String text) {
        return text.replace('\u202f', '\u00a0').replace('\u2009', '\u00a0');
    }
}
