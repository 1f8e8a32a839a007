package org.sandian.ops.backup;

/** A backup or restore that was refused or failed; the message says what is wrong and what to do. */
public final class BackupException extends Exception {

    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
