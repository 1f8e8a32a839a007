package org.sandian.ops.auth;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * Guards the JSON API: {@code Authorization: Bearer sd_...} must name a token of an enabled user;
 * the officer is then put on the routing context under {@link Officer#CONTEXT_KEY}. Otherwise 401.
 */
public final class BearerAuth implements Handler<RoutingContext> {

    private final Vertx vertx;
    private final ApiTokens tokens;
    private final UserStore users;

    public BearerAuth(Vertx vertx, ApiTokens tokens, UserStore users) {
        this.vertx = vertx;
        this.tokens = tokens;
        this.users = users;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            refuse(ctx, "missing bearer token: send 'Authorization: Bearer <token>' (create one with 'sandian user token <name>')");
            return;
        }
        String token = header.substring(7).trim();
        vertx.executeBlocking(() -> tokens.userOf(token).flatMap(users::find).filter(u -> !u.disabled()), false)
                .onSuccess(user -> {
                    if (user.isEmpty()) {
                        refuse(ctx, "unknown or revoked token");
                    } else {
                        ctx.put(Officer.CONTEXT_KEY, user.get().officer());
                        ctx.next();
                    }
                })
                .onFailure(ctx::fail);
    }

    private static void refuse(RoutingContext ctx, String why) {
        ctx.response().setStatusCode(401)
                .putHeader("WWW-Authenticate", "Bearer")
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .end(new JsonObject().put("error", why).encode());
    }

    /** The officer a guarded request acts for. */
    public static Optional<Officer> officer(RoutingContext ctx) {
        return Optional.ofNullable(ctx.get(Officer.CONTEXT_KEY));
    }
}
