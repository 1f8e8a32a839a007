package org.sandian.channels.web.view;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** How prices and their movements read on every screen: two decimals, ▲ up, ▼ down, ＝ flat. */
public final class Format {

    private Format() {
    }

    public static String price(BigDecimal value) {
        return value == null ? "" : value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** "▲0.05", "▼0.10", "＝" or "" when there is nothing to compare with. */
    public static String change(BigDecimal change) {
        if (change == null) return "";
        int sign = change.signum();
        if (sign == 0) return "＝";
        return (sign > 0 ? "▲" : "▼") + price(change.abs());
    }

    /** The move from the first to the last value as "▲4.3%" / "▼1.0%" / "＝". */
    public static String trend(List<BigDecimal> values) {
        if (values.size() < 2 || values.get(0).signum() == 0) return "";
        BigDecimal first = values.get(0);
        BigDecimal pct = values.get(values.size() - 1).subtract(first)
                .multiply(BigDecimal.valueOf(100)).divide(first, 1, RoundingMode.HALF_UP);
        if (pct.signum() == 0) return "＝";
        return (pct.signum() > 0 ? "▲" : "▼") + pct.abs().toPlainString() + "%";
    }
}
