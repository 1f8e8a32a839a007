package org.sandian.channels.sms;

import java.time.Duration;

/**
 * Everything the SMS channel needs, passed in by ops. A null {@link #host} turns the channel off.
 *
 * @param host              the SMSC's host, or null for no SMS channel
 * @param port              the SMSC's SMPP port
 * @param systemId          bind credentials
 * @param password          bind credentials
 * @param systemType        bind system_type ("" for none)
 * @param bindType          TRX (one transceiver per bind) or TX_RX (a transmitter and a receiver)
 * @param binds             how many binds (sessions) to keep open; MTs are spread across them
 * @param failoverHost      the second SMSC tried when the first refuses or is unreachable, or null
 * @param failoverPort      its port
 * @param sourceAddress     our sender id / short code ("12316")
 * @param windowSize        outstanding submit_sm per bind (jSMPP has no window)
 * @param tpsPerBind        submits per second per bind (jSMPP has no rate limit)
 * @param maxParts          most concatenated parts one MT may have; longer text is cut
 * @param enquireLink       enquire_link interval
 * @param reconnectMin      first reconnect back-off
 * @param reconnectMax      longest reconnect back-off
 * @param receipts          ask for delivery receipts (registered_delivery)
 * @param moQueueCapacity   jSMPP's inbound PDU queue per session (over it jSMPP answers THROTTLED)
 * @param pduThreads        jSMPP PDU processor threads per session
 * @param moPartTimeout     how long an incomplete concatenated MO waits for its missing parts
 * @param submitTimeout     jSMPP transaction timer for one submit_sm
 * @param receiptsGrace     how long binds are up before parts the SMSC may already have (taken back
 *                          after a stop, or submitted without an answer) are checked against the
 *                          receipts it kept and sent: it hands those over behind the ones it was sending
 */
public record SmsOptions(
        String host, int port, String systemId, String password, String systemType,
        BindType bindType, int binds, String failoverHost, int failoverPort,
        String sourceAddress, int windowSize, int tpsPerBind, int maxParts,
        Duration enquireLink, Duration reconnectMin, Duration reconnectMax, boolean receipts,
        int moQueueCapacity, int pduThreads, Duration moPartTimeout, Duration submitTimeout, Duration receiptsGrace) {

    public enum BindType { TRX, TX_RX }

    public static final String DEFAULT_SOURCE = "12316";

    /** Defaults for one SMSC: one TRX bind, window 10, 100 TPS, 3 parts, receipts on, 32 PDU threads (MO batching needs them). */
    public static SmsOptions of(String host, int port, String systemId, String password) {
        return new SmsOptions(host, port, systemId, password, "", BindType.TRX, 1, null, 0,
                DEFAULT_SOURCE, 10, 100, 3, Duration.ofSeconds(30), Duration.ofMillis(500),
                Duration.ofSeconds(30), true, 10_000, 32, Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    /** The channel turned off. */
    public static SmsOptions disabled() {
        return of(null, 0, null, null);
    }

    public boolean enabled() {
        return host != null && !host.isBlank();
    }

    public SmsOptions withBinds(int n) {
        return toBuilder().binds(n).build();
    }

    public SmsOptions withBindType(BindType type) {
        return toBuilder().bindType(type).build();
    }

    public SmsOptions withFailover(String failHost, int failPort) {
        return toBuilder().failover(failHost, failPort).build();
    }

    public SmsOptions withFlow(int window, int tps) {
        return toBuilder().window(window).tps(tps).build();
    }

    public SmsOptions withReceiptsGrace(Duration grace) {
        return toBuilder().receiptsGrace(grace).build();
    }

    public SmsOptions withMaxParts(int parts) {
        return toBuilder().maxParts(parts).build();
    }

    public SmsOptions withTimers(Duration enquire, Duration backoffMin, Duration backoffMax, Duration partTimeout) {
        return toBuilder().enquireLink(enquire).reconnect(backoffMin, backoffMax).moPartTimeout(partTimeout).build();
    }

    public SmsOptions withReceipts(boolean on) {
        return toBuilder().receipts(on).build();
    }

    public SmsOptions withSource(String source) {
        return toBuilder().source(source).build();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes a copy, field by field (ops' config mapping reads better with it than with the constructor). */
    public static final class Builder {
        private String host;
        private int port;
        private String systemId;
        private String password;
        private String systemType;
        private BindType bindType;
        private int binds;
        private String failoverHost;
        private int failoverPort;
        private String sourceAddress;
        private int windowSize;
        private int tpsPerBind;
        private int maxParts;
        private Duration enquireLink;
        private Duration reconnectMin;
        private Duration reconnectMax;
        private boolean receipts;
        private int moQueueCapacity;
        private int pduThreads;
        private Duration moPartTimeout;
        private Duration submitTimeout;
        private Duration receiptsGrace;

        private Builder(SmsOptions o) {
            host = o.host; port = o.port; systemId = o.systemId; password = o.password; systemType = o.systemType;
            bindType = o.bindType; binds = o.binds; failoverHost = o.failoverHost; failoverPort = o.failoverPort;
            sourceAddress = o.sourceAddress; windowSize = o.windowSize; tpsPerBind = o.tpsPerBind;
            maxParts = o.maxParts; enquireLink = o.enquireLink; reconnectMin = o.reconnectMin;
            reconnectMax = o.reconnectMax; receipts = o.receipts; moQueueCapacity = o.moQueueCapacity;
            pduThreads = o.pduThreads; moPartTimeout = o.moPartTimeout; submitTimeout = o.submitTimeout;
            receiptsGrace = o.receiptsGrace;
        }

        public Builder systemType(String v) { systemType = v; return this; }
        public Builder bindType(BindType v) { bindType = v; return this; }
        public Builder binds(int v) { binds = v; return this; }
        public Builder failover(String h, int p) { failoverHost = h; failoverPort = p; return this; }
        public Builder source(String v) { sourceAddress = v; return this; }
        public Builder window(int v) { windowSize = v; return this; }
        public Builder tps(int v) { tpsPerBind = v; return this; }
        public Builder maxParts(int v) { maxParts = v; return this; }
        public Builder enquireLink(Duration v) { enquireLink = v; return this; }
        public Builder reconnect(Duration min, Duration max) { reconnectMin = min; reconnectMax = max; return this; }
        public Builder receipts(boolean v) { receipts = v; return this; }
        public Builder moQueueCapacity(int v) { moQueueCapacity = v; return this; }
        public Builder pduThreads(int v) { pduThreads = v; return this; }
        public Builder moPartTimeout(Duration v) { moPartTimeout = v; return this; }
        public Builder submitTimeout(Duration v) { submitTimeout = v; return this; }
        public Builder receiptsGrace(Duration v) { receiptsGrace = v; return this; }

        public SmsOptions build() {
            return new SmsOptions(host, port, systemId, password, systemType, bindType, binds, failoverHost,
                    failoverPort, sourceAddress, windowSize, tpsPerBind, maxParts, enquireLink, reconnectMin,
                    reconnectMax, receipts, moQueueCapacity, pduThreads, moPartTimeout, submitTimeout, receiptsGrace);
        }
    }
}
