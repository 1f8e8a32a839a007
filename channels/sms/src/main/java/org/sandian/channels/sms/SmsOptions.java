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
 */
public record SmsOptions(
        String host, int port, String systemId, String password, String systemType,
        BindType bindType, int binds, String failoverHost, int failoverPort,
        String sourceAddress, int windowSize, int tpsPerBind, int maxParts,
        Duration enquireLink, Duration reconnectMin, Duration reconnectMax, boolean receipts,
        int moQueueCapacity, int pduThreads, Duration moPartTimeout, Duration submitTimeout) {

    public enum BindType { TRX, TX_RX }

    public static final String DEFAULT_SOURCE = "12316";

    /** Sensible defaults for one SMSC: one TRX bind, window 10, 100 TPS, 3 parts, receipts on. */
    public static SmsOptions of(String host, int port, String systemId, String password) {
        return new SmsOptions(host, port, systemId, password, "", BindType.TRX, 1, null, 0,
                DEFAULT_SOURCE, 10, 100, 3, Duration.ofSeconds(30), Duration.ofMillis(500),
                Duration.ofSeconds(30), true, 10_000, 4, Duration.ofSeconds(60), Duration.ofSeconds(5));
    }

    /** The channel turned off. */
    public static SmsOptions disabled() {
        return of(null, 0, null, null);
    }

    public boolean enabled() {
        return host != null && !host.isBlank();
    }

    public SmsOptions withBinds(int n) {
        return new SmsOptions(host, port, systemId, password, systemType, bindType, n, failoverHost, failoverPort,
                sourceAddress, windowSize, tpsPerBind, maxParts, enquireLink, reconnectMin, reconnectMax, receipts,
                moQueueCapacity, pduThreads, moPartTimeout, submitTimeout);
    }

    public SmsOptions withBindType(BindType type) {
        return new SmsOptions(host, port, systemId, password, systemType, type, binds, failoverHost, failoverPort,
                sourceAddress, windowSize, tpsPerBind, maxParts, enquireLink, reconnectMin, reconnectMax, receipts,
                moQueueCapacity, pduThreads, moPartTimeout, submitTimeout);
    }

    public SmsOptions withFailover(String failHost, int failPort) {
        return new SmsOptions(host, port, systemId, password, systemType, bindType, binds, failHost, failPort,
                sourceAddress, windowSize, tpsPerBind, maxParts, enquireLink, reconnectMin, reconnectMax, receipts,
                moQueueCapacity, pduThreads, moPartTimeout, submitTimeout);
    }

    public SmsOptions withFlow(int window, int tps) {
        return new SmsOptions(host, port, systemId, password, systemType, bindType, binds, failoverHost, failoverPort,
                sourceAddress, window, tps, maxParts, enquireLink, reconnectMin, reconnectMax, receipts,
                moQueueCapacity, pduThreads, moPartTimeout, submitTimeout);
    }

    public SmsOptions withMaxParts(int parts) {
        return new SmsOptions(host, port, systemId, password, systemType, bindType, binds, failoverHost, failoverPort,
                sourceAddress, windowSize, tpsPerBind, parts, enquireLink, reconnectMin, reconnectMax, receipts,
                moQueueCapacity, pduThreads, moPartTimeout, submitTimeout);
    }

    public SmsOptions withTimers(Duration enquire, Duration backoffMin, Duration backoffMax, Duration partTimeout) {
        return new SmsOptions(host, port, systemId, password, systemType, bindType, binds, failoverHost, failoverPort,
                sourceAddress, windowSize, tpsPerBind, maxParts, enquire, backoffMin, backoffMax, receipts,
                moQueueCapacity, pduThreads, partTimeout, submitTimeout);
    }

    public SmsOptions withReceipts(boolean on) {
        return new SmsOptions(host, port, systemId, password, systemType, bindType, binds, failoverHost, failoverPort,
                sourceAddress, windowSize, tpsPerBind, maxParts, enquireLink, reconnectMin, reconnectMax, on,
                moQueueCapacity, pduThreads, moPartTimeout, submitTimeout);
    }

    public SmsOptions withSource(String source) {
        return new SmsOptions(host, port, systemId, password, systemType, bindType, binds, failoverHost, failoverPort,
                source, windowSize, tpsPerBind, maxParts, enquireLink, reconnectMin, reconnectMax, receipts,
                moQueueCapacity, pduThreads, moPartTimeout, submitTimeout);
    }
}
