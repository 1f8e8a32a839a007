package org.sandian.ops.auth;

import java.util.Locale;

/** What an officer may do. Every officer is also scoped to a region subtree. */
public enum Role {
    /** Everything, including users. */
    ADMIN,
    /** Writes content (notices, guidance, prices) and drafts broadcasts. */
    EDITOR,
    /** Approves content and broadcasts written by someone else. */
    REVIEWER,
    /** Submits prices. */
    REPORTER,
    /** Answers farmers' questions and complaints. */
    AGENT,
    /** Reads only. */
    VIEWER;

    public static Role parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown role '" + text + "': use one of admin, editor, reviewer, "
                    + "reporter, agent, viewer");
        }
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
