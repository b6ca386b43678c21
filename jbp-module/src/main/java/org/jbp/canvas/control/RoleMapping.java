package org.jbp.canvas.control;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jbp.security.Roles;

/**
 * {@code jbp.canvas.role-mapping}: {@code <profile or role id>=<ROLE>,...} with ROLE one of CHANNEL_MANAGER,
 * APPROVER, PARTNER_USER, ADMIN. Ids match on their first 15 characters (case-sensitive), so an admin may
 * paste either the 15- or the 18-character form. Unknown roles fail at start-up rather than silently
 * granting nothing.
 */
public final class RoleMapping {

    private static final Map<String, String> GROUPS = Map.of(
            "CHANNEL_MANAGER", Roles.CHANNEL_MANAGER,
            "APPROVER", Roles.APPROVER,
            "PARTNER_USER", Roles.PARTNER,
            "ADMIN", Roles.ADMIN);

    private final Map<String, Set<String>> byId = new LinkedHashMap<>();

    public RoleMapping(String config) {
        if (config == null || config.isBlank()) {
            return;
        }
        for (String entry : config.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("jbp.canvas.role-mapping entry '" + entry.trim()
                        + "' is not <id>=<ROLE>");
            }
            String id = entry.substring(0, eq).trim();
            String role = entry.substring(eq + 1).trim().toUpperCase(Locale.ROOT);
            String group = GROUPS.get(role);
            if (group == null || (id.length() != 15 && id.length() != 18)) {
                throw new IllegalArgumentException("jbp.canvas.role-mapping entry '" + entry.trim()
                        + "': id must have 15 or 18 characters and ROLE be one of " + GROUPS.keySet());
            }
            byId.computeIfAbsent(id.substring(0, 15), k -> new LinkedHashSet<>()).add(group);
        }
    }

    /** The groups the user's profile and role grant together. */
    public Set<String> groupsFor(String profileId, String roleId) {
        Set<String> groups = new LinkedHashSet<>();
        for (String id : new String[] {profileId, roleId}) {
            if (id != null && id.length() >= 15) {
                groups.addAll(byId.getOrDefault(id.substring(0, 15), Set.of()));
            }
        }
        return groups;
    }
}
