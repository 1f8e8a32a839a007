package org.sandian.content.editing;

/**
 * An edit the rules forbid (outside the officer's region, approving one's own work, a wrong state).
 * The message is meant for the officer: the console and API show it as it is.
 */
public final class EditRefused extends RuntimeException {

    public EditRefused(String message) {
        super(message);
    }
}
