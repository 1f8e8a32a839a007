package org.sandian.ops.health;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /health}: the process is alive, with every component's state. {@code /ready}: 200 only when
 * no configured component is DOWN, for load balancers and start-up scripts.
 */
public final class HealthRoutes {

    private final HealthRegistry registry;

    public HealthRoutes(HealthRegistry registry) {
        this.registry = registry;
    }

    public void mount(Router router) {
        router.get("/health").handler(this::health);
        router.get("/ready").handler(this::ready);
    }

    private void health(RoutingContext ctx) {
        registry.check().onSuccess(c -> send(ctx, 200, new JsonObject().put("status", "alive")
                .put("components", HealthRegistry.toJson(c))));
    }

    private void ready(RoutingContext ctx) {
        registry.check().onSuccess(c -> {
            boolean ready = c.values().stream().noneMatch(h -> h.state() == ComponentHealth.State.DOWN);
            send(ctx, ready ? 200 : 503, new JsonObject().put("status", ready ? "ready" : "not-ready")
                    .put("components", HealthRegistry.toJson(c)));
        });
    }

    private static void send(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(body.encodePrettily());
    }
}
