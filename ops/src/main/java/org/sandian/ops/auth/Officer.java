package org.sandian.ops.auth;

import org.sandian.content.model.RegionCode;

/** The signed-in officer a request acts for: name, role and the region subtree he may see and act in. */
public record Officer(String name, Role role, String regionCode) {

    /** Key of the routing-context attribute that holds the current officer. */
    public static final String CONTEXT_KEY = "sandian.user";

    public boolean mayActIn(String region) {
        return region != null && RegionCode.isWithin(region, regionCode);
    }

    /** The same officer as the broadcast module reads him (its own record; one conversion for API and console). */
    public org.sandian.broadcast.core.Officer forBroadcast() {
        return new org.sandian.broadcast.core.Officer(name, role.key(), regionCode);
    }

    public boolean is(Role... roles) {
        for (Role r : roles) {
            if (role == r) return true;
        }
        return role == Role.ADMIN;
    }
}
