package org.sandian.content.model;

import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * Something farmers grow or sell. {@code code} is a short number (101, 102...) that also works as
 * the hotline's "type the code" key; synonyms hold dialect and trade names in either language.
 */
public record Commodity(
        @BsonId String code,
        LocalizedText name,
        List<String> synonyms,
        LocalizedText unit,
        String category,
        ContentMeta meta) {
}
