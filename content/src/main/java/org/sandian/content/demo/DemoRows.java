package org.sandian.content.demo;

import java.math.BigDecimal;
import java.util.List;
import org.sandian.content.model.Attachment;
import org.sandian.content.model.LocalizedText;

/**
 * The shapes of the demo JSON files: the model's fields plus what only the demo needs (base prices,
 * market price levels, dates as days from today so the data never goes stale).
 */
final class DemoRows {

    private DemoRows() {
    }

    /** A commodity with the level and daily volatility its generated prices move around. */
    record CommodityRow(String code, LocalizedText name, List<String> synonyms, LocalizedText unit,
                        String category, BigDecimal basePrice, double volatility) {
    }

    /** A region: parent and level follow from the 12-digit code. */
    record RegionRow(String code, LocalizedText name) {
    }

    /** A market and how dear it is against the base price (1.06: 6% above). */
    record MarketRow(String id, LocalizedText name, String regionCode, double priceFactor) {
    }

    /** A notice whose dates are days from today (negative: in the past). */
    record NoticeRow(String id, LocalizedText title, LocalizedText body, LocalizedText department,
                     List<String> regionScope, int effectiveDays, int expiryDays, List<Attachment> attachments) {
    }

    /** A guidance item as published, less its meta. */
    record GuidanceRow(String id, String commodityCode, LocalizedText topic, String season, List<String> regionScope,
                       LocalizedText text, LocalizedText smsText) {
    }
}
