package org.sandian.channels.sms.mo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.junit.jupiter.api.Test;

class ReceiptTest {

    private static DeliverSm receipt(String text, OptionalParameter... tlvs) {
        DeliverSm d = new DeliverSm();
        d.setEsmClass((byte) 0x04);
        d.setShortMessage(text.getBytes(StandardCharsets.ISO_8859_1));
        d.setOptionalParameters(tlvs);
        return d;
    }

    @Test
    void standardReceiptTextGivesIdStateHandsetAndTextStart() {
        DeliverSm d = receipt("id:0123456789 sub:001 dlvrd:001 submit date:2611220600 done date:2611220601 "
                + "stat:DELIVRD err:000 text:PRICE MAIZE");
        d.setSourceAddr("8613800000001");
        assertTrue(Receipt.isReceipt(d));
        assertEquals(new Receipt("0123456789", "DELIVRD", "000", "8613800000001", "PRICE MAIZE"), Receipt.parse(d));
    }

    @Test
    void lowerCaseAndOddSpacingAreRead() {
        assertEquals(new Receipt("a1b2", "UNDELIV", "021"),
                Receipt.parse(receipt("ID: a1b2 Sub:001 DLVRD:000 stat: undeliv Err:021")));
    }

    @Test
    void receiptedMessageIdTlvWinsOverTheText() {
        DeliverSm d = receipt("id:41394 stat:EXPIRED err:000",
                new OptionalParameter.COctetString(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID.code(), "A1B2"));
        assertEquals("A1B2", Receipt.parse(d).smscId());
        assertEquals("EXPIRED", Receipt.parse(d).stat());
    }

    @Test
    void textWithoutIdIsNoReceipt() {
        assertNull(Receipt.parse(receipt("stat:DELIVRD")));
    }
}
