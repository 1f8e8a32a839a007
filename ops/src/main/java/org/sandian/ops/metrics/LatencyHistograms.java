package org.sandian.ops.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.time.Duration;

/**
 * Histogram buckets for every {@code sandian.*} timer, so Prometheus can compute p50/p95/p99 across
 * hubs ({@code histogram_quantile}) while channels just call {@code Metrics.timer(name, tags)}.
 * Bounded from 1 ms to 30 s: what an SMS round trip, a store call or a voice prompt can take.
 */
final class LatencyHistograms {

    static final MeterFilter FILTER = new MeterFilter() {
        @Override
        public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
            if (id.getType() != Meter.Type.TIMER || !id.getName().startsWith("sandian.")) return config;
            return DistributionStatisticConfig.builder()
                    .percentilesHistogram(true)
                    .minimumExpectedValue((double) Duration.ofMillis(1).toNanos())
                    .maximumExpectedValue((double) Duration.ofSeconds(30).toNanos())
                    .build()
                    .merge(config);
        }
    };

    private LatencyHistograms() {
    }
}
