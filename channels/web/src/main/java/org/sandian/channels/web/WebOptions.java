package org.sandian.channels.web;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.sandian.content.model.Lang;

/**
 * The public web pages' settings, passed in by ops.
 *
 * @param zone                 the hub's zone: dates are shown in it
 * @param defaultLang          for visitors with no cookie and no usable Accept-Language
 * @param csrfSecret           signs the forms' tokens; the same on every node, kept secret
 * @param featuredCommodities  commodity codes shown first on the home page and the TV (the most asked);
 *                             empty: the commodities reported by the most markets
 * @param codeTtl              how long a one-time code sent by SMS stays valid
 * @param codesPerPhonePerHour at most this many codes sent to one phone in an hour
 * @param codesPerIpPerHour    at most this many codes asked from one IP address in an hour
 */
public record WebOptions(ZoneId zone, Lang defaultLang, String csrfSecret, List<String> featuredCommodities,
                         Duration codeTtl, int codesPerPhonePerHour, int codesPerIpPerHour) {

    public WebOptions {
        if (csrfSecret == null || csrfSecret.length() < 16) {
            throw new IllegalArgumentException("web csrfSecret must be at least 16 characters");
        }
        featuredCommodities = featuredCommodities == null ? List.of() : List.copyOf(featuredCommodities);
    }

    public static WebOptions defaults(String csrfSecret) {
        return new WebOptions(ZoneId.of("Asia/Shanghai"), Lang.ZH, csrfSecret, List.of(), Duration.ofMinutes(10), 5, 20);
    }
}
