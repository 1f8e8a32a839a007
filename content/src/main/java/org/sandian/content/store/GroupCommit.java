package org.sandian.content.store;

import org.h2.mvstore.MVStore;

/**
 * Group commit for the embedded store: a writer whose command has changed the store waits until a
 * commit that began after its change has finished. The first writer to wait commits for every
 * writer that arrived before it started; those arriving during that commit are carried by the
 * next one. Under load one commit then serves many commands (each commit writes every changed
 * page whole, so fewer commits is most of the gain), and an idle store still commits at once.
 */
final class GroupCommit {

    private final MVStore store;
    /** Tickets handed out: one per command that waits for durability. */
    private long requested;
    /** Every ticket up to this one is committed. */
    private long durable;
    private boolean committing;

    GroupCommit(MVStore store) {
        this.store = store;
    }

    /** Returns once everything this thread changed before the call is in the file. */
    void awaitDurable() {
        long ticket;
        synchronized (this) {
            ticket = ++requested;
        }
        boolean interrupted = false;
        try {
            while (true) {
                long upTo;
                synchronized (this) {
                    while (committing && durable < ticket) {
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            interrupted = true; // the write is applied: it must be committed before we answer
                        }
                    }
                    if (durable >= ticket) return;
                    committing = true;
                    upTo = requested;
                }
                boolean committed = false;
                try {
                    if (!store.isClosed() && store.hasUnsavedChanges()) store.commit();
                    committed = true;
                } finally {
                    synchronized (this) {
                        committing = false;
                        if (committed) durable = Math.max(durable, upTo);
                        notifyAll();
                    }
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }
}
