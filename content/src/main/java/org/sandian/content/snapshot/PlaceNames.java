package org.sandian.content.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sandian.content.model.LocalizedText;

/**
 * The names a place is called by: its full names, and the Chinese name without its administrative
 * suffix (武汉市 -> 武汉, 潜江市 -> 潜江), since farmers rarely type the suffix.
 */
final class PlaceNames {

    private static final List<String> SUFFIXES = List.of("自治县", "街道", "市", "县", "区", "镇", "乡", "村", "省");
    private static final List<String> EN_SUFFIXES = List.of(" city", " county", " district", " subdistrict", " town", " village", " province");

    private PlaceNames() {
    }

    static List<String> of(LocalizedText name) {
        List<String> names = new ArrayList<>();
        if (name.zh() != null) {
            names.add(name.zh());
            for (String suffix : SUFFIXES) {
                if (name.zh().endsWith(suffix) && name.zh().length() > suffix.length() + 1) {
                    names.add(name.zh().substring(0, name.zh().length() - suffix.length()));
                    break;
                }
            }
        }
        if (name.en() != null) {
            names.add(name.en());
            String lower = name.en().toLowerCase();
            EN_SUFFIXES.stream().filter(lower::endsWith).findFirst()
                    .ifPresent(s -> names.add(name.en().substring(0, name.en().length() - s.length())));
        }
        return names.stream().filter(Objects::nonNull).toList();
    }
}
