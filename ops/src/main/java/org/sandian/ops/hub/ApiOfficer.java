package org.sandian.ops.hub;

import io.vertx.ext.web.RoutingContext;
import org.sandian.ops.auth.Officer;

/** Hands the signed-in officer to the broadcast API in the form that module reads. */
final class ApiOfficer {

    private ApiOfficer() {
    }

    static void adapt(RoutingContext ctx) {
        Officer officer = ctx.get(Officer.CONTEXT_KEY);
        ctx.put(org.sandian.broadcast.core.Officer.CONTEXT_KEY, officer.forBroadcast());
        ctx.next();
    }
}
