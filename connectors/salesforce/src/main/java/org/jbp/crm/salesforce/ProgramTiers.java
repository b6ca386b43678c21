package org.jbp.crm.salesforce;

import org.jbp.crm.SalesforceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Partner tiers as JBP writes them: the name of the level of the partner's ChannelProgramMember record
 * (Object Reference, ChannelProgramMember: PartnerId, ProgramId, LevelId with relationship Level). A level change
 * updates the member record only, not the Account, so changes are found on ChannelProgramMember.SystemModstamp.
 */
final class ProgramTiers {

    /** Keeps each IN-list query far below SOQL's 100,000-character limit. */
    private static final int IDS_PER_QUERY = 300;
    private static final List<String> FIELDS = List.of("Id", "PartnerId", "Level.Name", "Level.Rank", "SystemModstamp");

    private final QueryStreamer queries;

    ProgramTiers(QueryStreamer queries) {
        this.queries = queries;
    }

    /** Members changed after {@code since}: their partners, and the latest change seen (or {@code since}). */
    record Changes(Set<String> partners, Instant watermark) {
    }

    Map<String, String> all() {
        Map<String, Member> best = new HashMap<>();
        queries.forEach(new SoqlSelect(FIELDS, "ChannelProgramMember", List.of("LevelId != null")),
                record -> keepHighest(best, record));
        return names(best);
    }

    Map<String, String> of(Collection<String> partnerIds) {
        Map<String, Member> best = new HashMap<>();
        List<String> ids = new ArrayList<>(new TreeSet<>(partnerIds));
        for (List<String> chunk : AggregateChunkPlanner.chunks(ids, IDS_PER_QUERY)) {
            queries.forEach(new SoqlSelect(FIELDS, "ChannelProgramMember", List.of("LevelId != null",
                    "PartnerId IN " + inList(chunk))), record -> keepHighest(best, record));
        }
        return names(best);
    }

    Changes changedSince(Instant since) {
        Set<String> partners = new TreeSet<>();
        Instant[] mark = {since};
        queries.forEach(new SoqlSelect(List.of("Id", "PartnerId", "SystemModstamp"), "ChannelProgramMember",
                List.of("SystemModstamp > " + SoqlLiterals.dateTime(since))), record -> {
                    Records.text(record, "PartnerId").flatMap(SalesforceId::parse).ifPresent(partners::add);
                    Records.instant(record, "SystemModstamp").filter(t -> t.isAfter(mark[0])).ifPresent(t -> mark[0] = t);
                });
        return new Changes(partners, mark[0]);
    }

    static String inList(Collection<String> ids) {
        return ids.stream().map(SoqlLiterals::id).collect(Collectors.joining(", ", "(", ")"));
    }

    private record Member(String level, int rank) {
    }

    /**
     * A partner in several programs gets its highest level: Rank is "1 the lowest level, 2 the next level up"
     * (Object Reference, ChannelProgramLevel); levels without a rank count as lowest, ties go to the name first
     * in order, so the choice does not depend on the order Salesforce returns rows in.
     */
    private static void keepHighest(Map<String, Member> best, com.sforce.soap.partner.sobject.SObject record) {
        Optional<String> partner = Records.text(record, "PartnerId").flatMap(SalesforceId::parse);
        Optional<String> level = Records.text(record, "Level.Name");
        if (partner.isEmpty() || level.isEmpty()) {
            return;
        }
        int rank = Records.text(record, "Level.Rank").map(r -> (int) Double.parseDouble(r)).orElse(Integer.MIN_VALUE);
        Member candidate = new Member(level.get(), rank);
        best.merge(partner.get(), candidate, (a, b) -> a.rank() != b.rank() ? (a.rank() > b.rank() ? a : b)
                : (a.level().compareTo(b.level()) <= 0 ? a : b));
    }

    private static Map<String, String> names(Map<String, Member> best) {
        Map<String, String> names = new HashMap<>();
        best.forEach((partner, member) -> names.put(partner, member.level()));
        return names;
    }
}
