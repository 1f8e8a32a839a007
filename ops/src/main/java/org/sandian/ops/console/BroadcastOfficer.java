package org.sandian.ops.console;

import org.sandian.ops.auth.Officer;

/** The signed-in officer as the broadcast module reads him (as the API's ApiOfficer does). */
final class BroadcastOfficer {

    private BroadcastOfficer() {
    }

    static org.sandian.broadcast.core.Officer of(Officer officer) {
        return new org.sandian.broadcast.core.Officer(officer.name(), officer.role().key(), officer.regionCode());
    }
}
