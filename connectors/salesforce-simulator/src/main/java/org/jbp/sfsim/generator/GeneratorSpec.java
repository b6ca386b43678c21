package org.jbp.sfsim.generator;

/**
 * How big a generated org is. Same spec and seed, same org (ids, names, amounts and dates relative to the
 * org's clock).
 */
public record GeneratorSpec(int partners, int opportunities, int campaigns, int certifications, long seed) {

    public GeneratorSpec {
        if (partners < 1 || opportunities < 0 || campaigns < 0 || certifications < 0) {
            throw new IllegalArgumentException("sizes must be non-negative and partners at least 1");
        }
    }

    /** A demo org: 8 named partners across all tiers, a few hundred opportunities. */
    public static GeneratorSpec small(long seed) {
        return new GeneratorSpec(8, 320, 24, 48, seed);
    }

    /** 500 partners and 50,000 opportunities: enough for chunking and paging to matter. */
    public static GeneratorSpec medium(long seed) {
        return new GeneratorSpec(500, 50_000, 2_000, 3_000, seed);
    }

    public static GeneratorSpec of(int partners, int opportunities, int campaigns, int certifications, long seed) {
        return new GeneratorSpec(partners, opportunities, campaigns, certifications, seed);
    }
}
