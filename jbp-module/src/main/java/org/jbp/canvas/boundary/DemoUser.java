package org.jbp.canvas.boundary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jbp.security.Roles;

/**
 * One of the demo's people, from {@code jbp.demo.users}: entries separated by {@code ;}, each
 * {@code role|userId|name} and, for a partner user, {@code |partnerAccountId}. Roles: {@code channel-manager},
 * {@code approver}, {@code admin}, {@code partner}.
 */
record DemoUser(String id, String name, String group, String partnerAccountId) {

    private static final Map<String, String> GROUPS = Map.of("channel-manager", Roles.CHANNEL_MANAGER,
            "approver", Roles.APPROVER, "admin", Roles.ADMIN, "partner", Roles.PARTNER);
    private static final Map<String, String> LABELS = Map.of(Roles.CHANNEL_MANAGER, "channel manager",
            Roles.APPROVER, "approver", Roles.ADMIN, "JBP admin", Roles.PARTNER, "partner user");

    String roleLabel() {
        return LABELS.getOrDefault(group, group);
    }

    /** The configured people; an entry that names no known role or lacks a field is skipped, not guessed at. */
    static List<DemoUser> parse(String configured) {
        List<DemoUser> users = new ArrayList<>();
        for (String entry : configured.split(";")) {
            String[] fields = entry.trim().split("\\|");
            if (fields.length < 3 || !GROUPS.containsKey(fields[0].trim())) {
                continue;
            }
            String group = GROUPS.get(fields[0].trim());
            String account = fields.length > 3 && !fields[3].isBlank() ? fields[3].trim() : null;
            if (Roles.PARTNER.equals(group) && account == null) {
                continue;
            }
            users.add(new DemoUser(fields[1].trim(), fields[2].trim(), group, account));
        }
        return users;
    }
}
