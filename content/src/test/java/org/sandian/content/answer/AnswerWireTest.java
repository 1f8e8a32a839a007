package org.sandian.content.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sandian.content.bus.Json;
import org.sandian.content.demo.DemoSnapshot;
import org.sandian.content.model.Lang;

/**
 * Answers built from real content cross to another cluster node unchanged: the JSON that
 * RecordCodec writes between nodes keeps every kind, decimals with their scale, dates and
 * nested records.
 */
class AnswerWireTest {

    @Test
    void everyContentAnswerSurvivesTheClusterJson() throws Exception {
        AnswerEngine engine = DemoSnapshot.engine();
        List<Query> queries = List.of(
                Query.of(Intent.PRICE, "玉米 武汉", Lang.ZH, Channel.SMS),
                Query.of(Intent.GUIDANCE, "maize pests", Lang.EN, Channel.SMS),
                Query.of(Intent.NOTICES, "", Lang.ZH, Channel.WEB).inRegion("429005104201"),
                Query.of(Intent.PRICE, "rice", Lang.EN, Channel.SMS),
                Query.of(Intent.PRICE, "yum", Lang.EN, Channel.SMS),
                Query.of(Intent.HELP, "", Lang.ZH, Channel.VOICE));
        for (Query q : queries) {
            Answer sent = engine.answer(q);
            // As RecordCodec.encodeToWire / decodeFromWire do it.
            byte[] wire = Json.MAPPER.writeValueAsBytes(sent);
            assertEquals(sent, Json.MAPPER.readValue(wire, Answer.class), q.intent() + " " + q.terms());
        }
    }
}
