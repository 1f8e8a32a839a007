package org.sandian.content.answer;

/** The edge a query came in on; answers are rendered by that channel's own templates. */
public enum Channel {
    SMS, VOICE, WEB, TV, CONSOLE
}
