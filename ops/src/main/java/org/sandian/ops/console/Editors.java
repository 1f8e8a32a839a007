package org.sandian.ops.console;

import java.util.EnumSet;
import java.util.Set;
import org.sandian.content.editing.Editor;
import org.sandian.content.editing.Editor.Right;
import org.sandian.ops.auth.Officer;

/** What each role may do with content, as the editing desk understands it. */
public final class Editors {

    private Editors() {
    }

    public static Editor of(Officer officer) {
        return new Editor(officer.name(), officer.regionCode(), rights(officer));
    }

    private static Set<Right> rights(Officer officer) {
        return switch (officer.role()) {
            case ADMIN -> EnumSet.of(Right.WRITE, Right.REVIEW, Right.REPORT_PRICES);
            case EDITOR -> EnumSet.of(Right.WRITE, Right.REPORT_PRICES);
            case REVIEWER -> EnumSet.of(Right.REVIEW);
            case REPORTER -> EnumSet.of(Right.REPORT_PRICES);
            case AGENT, VIEWER -> EnumSet.noneOf(Right.class);
        };
    }
}
