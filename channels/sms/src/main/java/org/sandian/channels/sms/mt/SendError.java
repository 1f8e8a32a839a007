package org.sandian.channels.sms.mt;

import org.jsmpp.SMPPConstant;

/**
 * Why an MT was not sent or not delivered: a closed list, each with whether trying again can
 * help (after courier's core/channels/errors.go). Broadcast and reports act on the kind, never on
 * jSMPP exception classes. The lower-case name is what {@code SmsStatus.error} carries.
 */
public enum SendError {
    /** The SMSC said slow down (ESME_RTHROTTLED): wait and send again. */
    THROTTLED(true),
    /** The SMSC's queue is full (ESME_RMSGQFUL): wait and send again. */
    QUEUE_FULL(true),
    /** The connection dropped before the answer: send again on the next bind. */
    CONNECTION(true),
    /** No submit_sm_resp within the transaction timer: send again (the SMSC may have it: rare duplicate). */
    TIMEOUT(true),
    /** The SMSC failed on its side (ESME_RSYSERR, ESME_RSUBMITFAIL): a few more tries. */
    SMSC_ERROR(true),
    /** The number is not valid for the SMSC (ESME_RINVDSTADR). */
    INVALID_NUMBER(false),
    /** Our configuration is wrong (source address, credentials, data coding). */
    CONFIG(false),
    /** The SMSC refused the message for another reason. */
    REJECTED(false),
    /** The handset did not take it in time (receipt EXPIRED). */
    EXPIRED(false),
    /** The network could not deliver it (receipt UNDELIV / DELETED / UNKNOWN). */
    UNDELIVERABLE(false),
    /** A bulk MT still queued when its farmer sent TD: never sent. */
    STOPPED(false);

    private final boolean retryable;

    SendError(boolean retryable) {
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }

    /** The name on the bus and in the store: "throttled", "invalid_number"... */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The kind for a negative submit_sm_resp's command_status. */
    public static SendError ofStatus(int commandStatus) {
        switch (commandStatus) {
            case SMPPConstant.STAT_ESME_RTHROTTLED: return THROTTLED;
            case SMPPConstant.STAT_ESME_RMSGQFUL: return QUEUE_FULL;
            case SMPPConstant.STAT_ESME_RSYSERR:
            case SMPPConstant.STAT_ESME_RSUBMITFAIL:
            case SMPPConstant.STAT_ESME_RX_T_APPN: return SMSC_ERROR;
            case SMPPConstant.STAT_ESME_RINVDSTADR: return INVALID_NUMBER;
            case SMPPConstant.STAT_ESME_RINVSRCADR:
            case SMPPConstant.STAT_ESME_RINVDCS:
            case SMPPConstant.STAT_ESME_RINVBNDSTS: return CONFIG;
            default: return REJECTED;
        }
    }

    /** The kind for a final receipt state, or null when it means delivered or not final yet. */
    public static SendError ofReceipt(String stat) {
        switch (stat) {
            case "DELIVRD": case "ACCEPTD": case "ENROUTE": return null;
            case "EXPIRED": return EXPIRED;
            case "REJECTD": return REJECTED;
            default: return UNDELIVERABLE;
        }
    }
}
