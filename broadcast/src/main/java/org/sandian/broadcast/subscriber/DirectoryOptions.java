package org.sandian.broadcast.subscriber;

import org.sandian.content.model.Lang;

/**
 * @param defaultLang  the language of a number met for the first time without one
 * @param cacheEntries how many profiles to keep in memory (unknown numbers included)
 */
public record DirectoryOptions(Lang defaultLang, int cacheEntries) {

    public static DirectoryOptions defaults() {
        return new DirectoryOptions(Lang.ZH, 200_000);
    }
}
