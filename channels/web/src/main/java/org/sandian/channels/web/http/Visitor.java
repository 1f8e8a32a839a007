package org.sandian.channels.web.http;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import org.sandian.content.model.Lang;
import org.sandian.content.model.RegionCode;

/**
 * Who is looking, as far as a no-login site knows: the language and region chosen once and kept in
 * cookies. Without a language cookie the browser's Accept-Language decides.
 */
public record Visitor(Lang lang, String region) {

    public static final String LANG_COOKIE = "sd_lang";
    public static final String REGION_COOKIE = "sd_region";
    private static final long YEAR_SECONDS = 365L * 24 * 3600;

    public static Visitor of(RoutingContext ctx, Lang defaultLang) {
        Cookie langCookie = ctx.request().getCookie(LANG_COOKIE);
        Lang lang;
        if (langCookie != null) {
            lang = Lang.parse(langCookie.getValue(), defaultLang);
        } else {
            String al = ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE);
            lang = al == null ? defaultLang : Lang.parse(al.length() > 2 ? al.substring(0, 2) : al, defaultLang);
        }
        Cookie regionCookie = ctx.request().getCookie(REGION_COOKIE);
        String region = regionCookie != null && RegionCode.isValid(regionCookie.getValue()) ? regionCookie.getValue() : null;
        return new Visitor(lang, region);
    }

    /** A cache key part: pages differ by language and region. */
    public String key() {
        return lang.code() + "|" + (region == null ? "-" : region);
    }

    public static void remember(RoutingContext ctx, String name, String value) {
        Cookie c = Cookie.cookie(name, value == null ? "" : value).setPath("/").setHttpOnly(true)
                .setSameSite(CookieSameSite.LAX).setMaxAge(value == null ? 0 : YEAR_SECONDS);
        ctx.response().addCookie(c);
    }
}
