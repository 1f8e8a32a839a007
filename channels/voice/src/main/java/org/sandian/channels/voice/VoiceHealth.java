package org.sandian.channels.voice;

/**
 * What ops shows about the voice channel.
 *
 * @param agiPort        the FastAGI port actually bound
 * @param activeCalls    hotline calls in progress
 * @param callsTotal     calls since start, refused ones included
 * @param callsRefused   calls turned away as over capacity
 * @param tts            true when dynamic text is spoken; false means recorded prompts only
 * @param amiConnected   true when the manager connection for outbound calls is up (false if none configured)
 * @param outboundActive outbound calls in progress
 * @param menuVersion    the menu version in force
 */
public record VoiceHealth(int agiPort, int activeCalls, int maxCalls, long callsTotal, long callsRefused, boolean tts,
                          boolean amiConnected, int outboundActive, int menuVersion) {
}
