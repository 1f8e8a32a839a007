package org.sandian.channels.voice.agi;

/** The caller gave no usable key too often: say goodbye and hang up. */
final class Goodbye extends Exception {

    Goodbye(String why) {
        super(why, null, false, false);
    }
}
