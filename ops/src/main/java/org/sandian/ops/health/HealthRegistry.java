package org.sandian.ops.health;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Every component's health check, by name, in the order they were added. */
public final class HealthRegistry {

    private final Map<String, Supplier<Future<ComponentHealth>>> checks = new LinkedHashMap<>();

    public HealthRegistry add(String name, Supplier<Future<ComponentHealth>> check) {
        checks.put(name, check);
        return this;
    }

    public HealthRegistry addFixed(String name, ComponentHealth health) {
        return add(name, () -> Future.succeededFuture(health));
    }

    /** Runs every check; a check that fails is reported DOWN with its error, never fails the whole. */
    public Future<Map<String, ComponentHealth>> check() {
        List<String> names = new ArrayList<>(checks.keySet());
        List<Future<ComponentHealth>> results = new ArrayList<>();
        for (String name : names) {
            Future<ComponentHealth> f;
            try {
                f = checks.get(name).get();
            } catch (RuntimeException e) {
                f = Future.failedFuture(e);
            }
            results.add(f.otherwise(e -> ComponentHealth.down(String.valueOf(e.getMessage()))));
        }
        return Future.join(results).otherwiseEmpty().map(x -> {
            Map<String, ComponentHealth> out = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) out.put(names.get(i), results.get(i).result());
            return out;
        });
    }

    public static JsonObject toJson(Map<String, ComponentHealth> components) {
        JsonObject json = new JsonObject();
        components.forEach((name, h) -> json.put(name, new JsonObject().put("state", h.state().name())
                .put("detail", h.detail())));
        return json;
    }
}
