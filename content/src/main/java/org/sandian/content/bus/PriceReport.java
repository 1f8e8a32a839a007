package org.sandian.content.bus;

import java.math.BigDecimal;
import org.sandian.content.model.Lang;

/**
 * A price texted by a reporter ("报价 玉米 武汉 1.25"), names already resolved: the commodity's code,
 * the market's id and the price in the commodity's unit. Whoever serves
 * {@link Addresses#PRICE_REPORT} checks that {@code phone} is a registered reporter's.
 */
public record PriceReport(String phone, String commodityCode, String marketId, BigDecimal price, Lang lang) {
}
