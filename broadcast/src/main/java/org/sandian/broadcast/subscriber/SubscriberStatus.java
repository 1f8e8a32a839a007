package org.sandian.broadcast.subscriber;

/** Stopped numbers receive nothing from any broadcast until the farmer subscribes again. */
public enum SubscriberStatus {
    ACTIVE, STOPPED
}
