package org.sandian.channels.sms.mo;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;

/**
 * A delivery receipt read from a deliver_sm: the receipted_message_id TLV when present (preferred),
 * else the {@code id:} of the text; the final state from the message_state TLV or {@code stat:}.
 * Tolerant of case and spacing, which differ from SMSC to SMSC. The handset ({@code source_addr})
 * and the start of the text ({@code text:}, often mangled outside Latin-1) are kept too: they let a
 * receipt whose id we never stored (a submit in flight when a hub died) be matched to its MT.
 *
 * @param from the handset the message went to, as the SMSC gives it (maybe without "+"); "" if none
 * @param text what follows {@code text:}, the first characters of the message as the SMSC saw them; "" if none
 */
public record Receipt(String smscId, String stat, String err, String from, String text) {

    /** A receipt that names no handset and no text (tests, and SMSCs that give neither). */
    public Receipt(String smscId, String stat, String err) {
        this(smscId, stat, err, "", "");
    }

    private static final Pattern ID = Pattern.compile("(?i)\\bid:\\s*([^\\s]+)");
    private static final Pattern STAT = Pattern.compile("(?i)\\bstat:\\s*([A-Za-z]+)");
    private static final Pattern ERR = Pattern.compile("(?i)\\berr:\\s*([^\\s]+)");
    private static final Pattern TEXT = Pattern.compile("(?is)\\btext:(.*)$");
    private static final String[] STATES = {"", "ENROUTE", "DELIVRD", "EXPIRED", "DELETED", "UNDELIV",
            "ACCEPTD", "UNKNOWN", "REJECTD"};

    /** True when the PDU is a receipt rather than an MO. */
    public static boolean isReceipt(DeliverSm pdu) {
        return (pdu.getEsmClass() & 0x3C) == 0x04 || (pdu.getEsmClass() & 0x3C) == 0x20
                || pdu.getOptionalParameter(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID) != null;
    }

    /** Reads the receipt, or null when it names no id. */
    public static Receipt parse(DeliverSm pdu) {
        String text = pdu.getShortMessage() == null ? ""
                : new String(pdu.getShortMessage(), StandardCharsets.ISO_8859_1);
        String id = null;
        OptionalParameter tlv = pdu.getOptionalParameter(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID);
        if (tlv instanceof OptionalParameter.OctetString s) id = s.getValueAsString();
        if (id != null) id = id.replace("\0", "").trim();
        if (id == null || id.isEmpty()) id = group(ID, text);
        if (id == null) return null;
        String stat = group(STAT, text);
        OptionalParameter state = pdu.getOptionalParameter(OptionalParameter.Tag.MESSAGE_STATE);
        if (stat == null && state instanceof OptionalParameter.Byte b) {
            int v = b.getValue() & 0xFF;
            stat = v < STATES.length ? STATES[v] : "UNKNOWN";
        }
        String err = group(ERR, text);
        String snippet = group(TEXT, text);
        return new Receipt(id, stat == null ? "UNKNOWN" : stat.toUpperCase(Locale.ROOT), err == null ? "" : err,
                pdu.getSourceAddr() == null ? "" : pdu.getSourceAddr().strip(), snippet == null ? "" : snippet);
    }

    private static String group(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
