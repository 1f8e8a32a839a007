package org.sandian.channels.voice.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.sandian.content.bus.Json;
import org.sandian.content.model.Lang;

/** A call request as it crosses the clustered event bus (JSON): its kind survives; an old node's request is a broadcast. */
class VoiceCallRequestTest {

    @Test
    void anAnswerCallStaysAnAnswerCallBetweenNodes() throws Exception {
        VoiceCallRequest sent = VoiceCallRequest.answer("answer:1000009:1", "+8613800000001", "答复", Lang.ZH);
        VoiceCallRequest received = Json.MAPPER.readValue(Json.MAPPER.writeValueAsBytes(sent), VoiceCallRequest.class);
        assertEquals(sent, received);
        assertEquals(VoiceCallRequest.Kind.ANSWER, received.kind());
    }

    @Test
    void aRequestWithoutAKindIsABroadcast() throws Exception {
        String old = "{\"callId\":\"b.1:V:0:1:+86138\",\"broadcastId\":\"b\",\"callee\":\"+86138\",\"text\":\"测试\","
                + "\"recording\":null,\"lang\":\"ZH\",\"subscribeTerms\":null}";
        assertEquals(VoiceCallRequest.Kind.BROADCAST, Json.MAPPER.readValue(old, VoiceCallRequest.class).kind());
    }
}
