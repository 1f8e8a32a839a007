package org.sandian.channels.tv;

import java.time.ZoneId;
import java.util.List;
import org.sandian.content.model.Lang;

/**
 * The TV board's settings, passed in by ops.
 *
 * @param zone                the hub's zone
 * @param defaultLang         without {@code ?lang=}
 * @param secondsPerPage      how long each board page stays before the next (meta refresh)
 * @param publicUrl           the hub's public address for links in the RSS feed, e.g. "https://xinxi.example.gov.cn"
 * @param featuredCommodities commodity codes on the price pages; empty: those reported by the most markets
 */
public record TvOptions(ZoneId zone, Lang defaultLang, int secondsPerPage, String publicUrl,
                        List<String> featuredCommodities) {

    public TvOptions {
        if (secondsPerPage < 5) throw new IllegalArgumentException("tv secondsPerPage must be at least 5");
        publicUrl = publicUrl == null ? "" : publicUrl.replaceAll("/+$", "");
        featuredCommodities = featuredCommodities == null ? List.of() : List.copyOf(featuredCommodities);
    }

    public static TvOptions defaults(String publicUrl) {
        return new TvOptions(ZoneId.of("Asia/Shanghai"), Lang.ZH, 15, publicUrl, List.of());
    }
}
