package org.sandian.content.editing;

import java.util.Set;
import org.sandian.content.model.RegionCode;

/** The officer editing: his name, region subtree, and what he may do with content. */
public record Editor(String name, String regionCode, Set<Right> rights) {

    public enum Right {
        /** Write and withdraw notices, guidance and prices. */
        WRITE,
        /** Approve or send back someone else's work. */
        REVIEW,
        /** Submit prices only. */
        REPORT_PRICES
    }

    public boolean may(Right right) {
        return rights.contains(right);
    }

    /** An empty scope means everywhere: only a province-level officer may touch that. */
    public boolean covers(java.util.List<String> scope) {
        if (scope == null || scope.isEmpty()) {
            return RegionCode.isValid(regionCode) && RegionCode.levelOf(regionCode) == org.sandian.content.model.RegionLevel.PROVINCE;
        }
        return scope.stream().allMatch(code -> RegionCode.isWithin(code, regionCode));
    }
}
