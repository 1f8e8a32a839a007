package org.sandian.content.model;

import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;

/** Farming guidance (农技推广) for a crop and topic, with a full text and a short SMS text. */
public record Guidance(
        @BsonId String id,
        String commodityCode,
        LocalizedText topic,
        String season,
        List<String> regionScope,
        LocalizedText text,
        LocalizedText smsText,
        ContentMeta meta) {
}
