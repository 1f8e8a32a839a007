package org.sandian.channels.voice.menu;

import java.util.Locale;

/** What a menu node does, and what its options map to. */
public enum NodeKind {
    /** Options: key -> node id. */
    MENU,
    /** Options: key -> language code; then {@code next}. */
    LANGUAGE,
    /** Options: key -> commodity code; a 2-3 digit code then # also works. Reads the prices. */
    PRICES,
    /** Options: key -> crop code; then the topics node named by {@code next}. */
    GUIDANCE,
    /** Options: key -> topic word; reads the guidance for the crop chosen before. */
    TOPICS,
    /** Reads the notices for the caller's region one by one. */
    NOTICES,
    /** Options: key -> commodity code (or a typed code); confirms with 1, subscribes to SMS price alerts. */
    SUBSCRIBE,
    /** Records a spoken question and reads back its ticket number. */
    ASK,
    /** Sets the operator variable and hands the call back to the dialplan. */
    OPERATOR;

    /** Null when {@code name} is no kind. */
    public static NodeKind parse(String name) {
        if (name == null) return null;
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether options name nodes (and so are edges of the menu graph). */
    public boolean optionsAreNodes() {
        return this == MENU;
    }

    /** Whether {@code next} names the following node. */
    public boolean hasNext() {
        return this == LANGUAGE || this == GUIDANCE;
    }
}
