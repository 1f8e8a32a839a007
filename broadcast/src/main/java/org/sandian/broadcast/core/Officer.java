package org.sandian.broadcast.core;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import org.sandian.content.model.RegionCode;
import org.sandian.content.model.RegionLevel;

/**
 * Who acts on a broadcast: name, role ("admin", "editor", "reviewer", "viewer"...) and the region
 * subtree he may act in (null or empty = everywhere). The API reads it from the routing-context
 * attribute {@link #CONTEXT_KEY}; ops' own officer record (name, role, regionCode) is adapted.
 */
public record Officer(String name, String role, String regionCode) {

    public static final String CONTEXT_KEY = "sandian.user";

    public Officer {
        role = role == null ? "viewer" : role.toLowerCase(Locale.ROOT);
    }

    public boolean isAdmin() {
        return role.equals("admin");
    }

    /** May write and submit broadcasts, import subscribers. */
    public boolean mayDraft() {
        return isAdmin() || role.equals("editor") || role.equals("reviewer");
    }

    public boolean mayReview() {
        return isAdmin() || role.equals("reviewer");
    }

    /** The officer's area as a list: empty means everywhere. */
    public List<String> scope() {
        return regionCode == null || regionCode.isBlank() ? List.of() : List.of(regionCode);
    }

    public boolean mayActIn(String region) {
        return scope().isEmpty() || RegionCode.isWithin(region, regionCode);
    }

    /**
     * May see and change a subscriber registered in {@code region}: one without a region (not yet
     * placed) only for an officer of the whole hub or a province, never for a county's officer.
     */
    public boolean mayActOnSubscriberIn(String region) {
        if (region != null) return mayActIn(region);
        return scope().isEmpty() || (RegionCode.isValid(regionCode) && RegionCode.levelOf(regionCode) == RegionLevel.PROVINCE);
    }

    /** Our officer from whatever the auth layer put on the context: this record, or any record with name(), role(), regionCode(). */
    public static Officer adapt(Object user) {
        if (user == null) return null;
        if (user instanceof Officer o) return o;
        try {
            return new Officer(String.valueOf(call(user, "name")), String.valueOf(call(user, "role")),
                    (String) call(user, "regionCode"));
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalArgumentException("unknown user type on the context: " + user.getClass().getName(), e);
        }
    }

    private static Object call(Object target, String accessor) throws ReflectiveOperationException {
        Method m = target.getClass().getMethod(accessor);
        return m.invoke(target);
    }
}
