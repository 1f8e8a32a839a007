package org.sandian.channels.sms.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MoPayloadTest {

    @Test
    void gsm7WithEscapesDecodesBracesAndEuro() {
        byte[] ud = Gsm7.encode("Price {maize} 2€ [ok] ^~|\\ @£");
        assertEquals("Price {maize} 2€ [ok] ^~|\\ @£", MoPayload.decode((byte) 0, (byte) 0, ud, null).text());
    }

    @Test
    void gsm7BasicTableMapsAtSignAndGreek() {
        byte[] ud = {0x00, 0x01, 0x10, 0x41, 0x7F};
        assertEquals("@£ΔAà", MoPayload.decode((byte) 0, (byte) 0, ud, null).text());
    }

    @Test
    void latin1DataCodingThreeDecodesAccents() {
        byte[] ud = "café ñ".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("café ñ", MoPayload.decode((byte) 0, (byte) 3, ud, null).text());
    }

    @Test
    void ucs2DataCodingEightDecodesChinese() {
        byte[] ud = "价格 玉米".getBytes(StandardCharsets.UTF_16BE);
        assertEquals("价格 玉米", MoPayload.decode((byte) 0, (byte) 8, ud, null).text());
    }

    @Test
    void udhWithEightBitReferenceGivesConcatAndStripsHeader() {
        byte[] body = "米".getBytes(StandardCharsets.UTF_16BE);
        byte[] ud = new byte[6 + body.length];
        ud[0] = 5; ud[1] = 0; ud[2] = 3; ud[3] = (byte) 200; ud[4] = 3; ud[5] = 2;
        System.arraycopy(body, 0, ud, 6, body.length);
        MoPayload p = MoPayload.decode((byte) 0x40, (byte) 8, ud, null);
        assertEquals("米", p.text());
        assertEquals(new Concat(200, 3, 2), p.concat());
    }

    @Test
    void udhWithSixteenBitReferenceGivesConcat() {
        byte[] ud = {6, 8, 4, 0x12, 0x34, 2, 1, 'h', 'i'};
        MoPayload p = MoPayload.decode((byte) 0x40, (byte) 0, ud, null);
        assertEquals("hi", p.text());
        assertEquals(new Concat(0x1234, 2, 1), p.concat());
    }

    @Test
    void noUdhFlagMeansSingleMessage() {
        assertNull(MoPayload.decode((byte) 0, (byte) 0, Gsm7.encode("TD"), null).concat());
    }

    @Test
    void gsmTableHasAllHundredTwentyEightSeptets() {
        for (int s = 0; s < 128; s++) {
            if (s == 0x1B) continue;
            String c = Gsm7.decode(new byte[]{(byte) s}, 0, 1);
            assertEquals(s, Gsm7.encode(c)[0] & 0x7F, "septet " + s);
        }
    }
}
