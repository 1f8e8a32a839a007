package org.sandian.content.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * One day's price of a commodity at a market, in the commodity's unit (e.g. 元/公斤).
 * The id is {@code commodity:market:date}, so a re-report of the same day replaces, never duplicates.
 */
public record Price(
        @BsonId String id,
        String commodityCode,
        String marketId,
        LocalDate date,
        BigDecimal min,
        BigDecimal avg,
        BigDecimal max,
        String unit,
        String source,
        String reporter,
        ContentMeta meta) {

    public static String idOf(String commodityCode, String marketId, LocalDate date) {
        return commodityCode + ":" + marketId + ":" + date;
    }
}
