package org.sandian.ops.metrics;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.PrometheusScrapingHandler;

/**
 * The hub's meters in Prometheus format at {@code GET /metrics}: Vert.x HTTP server and event bus
 * metrics, JVM metrics, and whatever the channels count. Channels cannot depend on ops, so they use
 * Micrometer's global registry ({@code Metrics.counter("sandian.mo", "channel", "sms").increment()});
 * this class adds its Prometheus registry to that global registry, so those meters appear here too.
 * The meter names channels use are listed in ops/DEPLOYMENT.md.
 */
public final class HubMetrics implements AutoCloseable {

    public static final String PATH = "/metrics";

    private final PrometheusMeterRegistry registry;

    private HubMetrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    /** A registry, already receiving every meter made through {@link Metrics#globalRegistry}. */
    public static HubMetrics start() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("app", "sandian").meterFilter(LatencyHistograms.FILTER);
        Metrics.addRegistry(registry);
        return new HubMetrics(registry);
    }

    /** Vert.x with HTTP server (per route), event bus and JVM metrics recorded in this registry. */
    public Vertx vertx(VertxOptions options) {
        return builder(options).build();
    }

    /** The same, as a builder: add a cluster manager and call {@code buildClustered()} for a cluster. */
    public VertxBuilder builder(VertxOptions options) {
        MicrometerMetricsOptions metrics = new MicrometerMetricsOptions()
                .setEnabled(true)
                .setJvmMetricsEnabled(true)
                // Route, not path: /prices/玉米 and /prices/小麦 are one series, not one per commodity.
                .addLabels(Label.HTTP_ROUTE);
        return Vertx.builder()
                .with(new VertxOptions(options).setMetricsOptions(metrics))
                .withMetrics(new MicrometerMetricsFactory(registry));
    }

    /** Mounts {@code GET /metrics} (Prometheus text format). */
    public void mount(Router router) {
        router.get(PATH).handler(PrometheusScrapingHandler.create(registry));
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Takes this registry out of the global one (a second hub in the same JVM, as in tests, keeps its own). */
    @Override
    public void close() {
        Metrics.removeRegistry(registry);
        registry.close();
    }
}
