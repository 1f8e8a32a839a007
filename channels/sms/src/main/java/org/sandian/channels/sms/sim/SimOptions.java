package org.sandian.channels.sms.sim;

/**
 * How the SMSC simulator behaves.
 *
 * @param port          TCP port to listen on (pick a free one first: jSMPP cannot report an OS-chosen port)
 * @param systemId      the only credentials accepted
 * @param password      the only credentials accepted
 * @param receipts      send a delivery receipt for every submit that asked for one
 * @param decimalIds    receipts carry the message id in decimal (submit_sm_resp is always hex)
 * @param tps           submits per second accepted per session; over it ESME_RTHROTTLED (0 = no limit)
 * @param dropAfter     drop the connection (without answering) when the Nth PDU arrives (0 = never)
 * @param maxBinds      binds allowed at once per system id; one more is refused ESME_RALYBND
 * @param staleBindMillis a dropped connection keeps its bind slot this long (as real SMSCs do), so a
 *                      quick rebind is refused "already bound"
 */
public record SimOptions(int port, String systemId, String password, boolean receipts, boolean decimalIds,
                         int tps, int dropAfter, int maxBinds, long staleBindMillis) {

    public static SimOptions on(int port) {
        return new SimOptions(port, "sandian", "secret", true, false, 0, 0, 8, 0);
    }

    public SimOptions withReceipts(boolean on, boolean decimal) {
        return new SimOptions(port, systemId, password, on, decimal, tps, dropAfter, maxBinds, staleBindMillis);
    }

    public SimOptions withTps(int limit) {
        return new SimOptions(port, systemId, password, receipts, decimalIds, limit, dropAfter, maxBinds, staleBindMillis);
    }

    public SimOptions withDropAfter(int pdus) {
        return new SimOptions(port, systemId, password, receipts, decimalIds, tps, pdus, maxBinds, staleBindMillis);
    }

    public SimOptions withBindLimit(int binds, long staleMillis) {
        return new SimOptions(port, systemId, password, receipts, decimalIds, tps, dropAfter, binds, staleMillis);
    }

    public SimOptions withCredentials(String id, String pwd) {
        return new SimOptions(port, id, pwd, receipts, decimalIds, tps, dropAfter, maxBinds, staleBindMillis);
    }
}
