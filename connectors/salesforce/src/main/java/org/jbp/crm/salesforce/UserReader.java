package org.jbp.crm.salesforce;

import org.jbp.crm.SalesforceId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jbp.crm.CrmUser;

/**
 * Reads {@code User} records (Name, Email, IsActive) by id, {@value #IDS_PER_QUERY} ids per query, through
 * query/queryMore. Only valid user ids (key prefix 005, checksum verified) reach the IN-list: anything else
 * could never name a user, and a malformed id literal would fail the whole query in Salesforce.
 * Deactivated users are returned too; Salesforce keeps users forever and only deactivates them.
 */
final class UserReader {

    static final int IDS_PER_QUERY = 500;
    static final String USER_KEY_PREFIX = "005";

    private final QueryStreamer queries;

    UserReader(QueryStreamer queries) {
        this.queries = queries;
    }

    List<CrmUser> read(Collection<String> userIds) {
        List<String> ids = userIds.stream().filter(Objects::nonNull).map(SalesforceId::parse)
                .flatMap(java.util.Optional::stream).filter(id -> id.startsWith(USER_KEY_PREFIX))
                .distinct().sorted().toList();
        List<CrmUser> users = new ArrayList<>();
        for (List<String> chunk : AggregateChunkPlanner.chunks(ids, IDS_PER_QUERY)) {
            String inList = chunk.stream().map(SoqlLiterals::id).collect(Collectors.joining(", ", "(", ")"));
            queries.forEach(new SoqlSelect(List.of("Id", "Name", "Email", "IsActive"), "User",
                    List.of("Id IN " + inList)), record -> users.add(new CrmUser(
                            SalesforceId.parse(record.getId()).orElse(record.getId()),
                            Records.text(record, "Name").orElse(""),
                            Records.text(record, "Email"),
                            Records.text(record, "IsActive").map(Boolean::parseBoolean).orElse(false))));
        }
        return users;
    }
}
