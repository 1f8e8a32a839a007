package org.sandian.content.answer;

/** What a farmer wants, whichever channel he asked on. */
public enum Intent {
    /** Prices of a commodity, optionally at a market or in a region. */
    PRICE,
    /** Farming guidance for a crop, optionally on a topic. */
    GUIDANCE,
    /** Latest notices for the farmer's region. */
    NOTICES,
    /** The short menu of what can be asked. */
    HELP,
    /** Subscribe to alerts: prices of a commodity, guidance for a crop, notices. */
    SUBSCRIBE,
    /** Stop everything to this number (TD, 退订, STOP). */
    UNSUBSCRIBE,
    /** Register the sender's village or township and crops. */
    REGISTER,
    /** Change the language answers come in. */
    LANGUAGE,
    /** A consultation (在线咨询): stored with a ticket number for an officer to answer. */
    ASK,
    /** A complaint (监督投诉): stored with a ticket number. */
    COMPLAIN,
    /** The state and answer of a ticket (状态查询). */
    STATUS,
    /** A price texted by a registered reporter (报价 玉米 武汉 1.25): it arrives in review. */
    REPORT,
    /** No keyword: the engine guesses from the words (a bare commodity name means its price). */
    GUESS
}
