package org.sandian.broadcast.audience;

import java.util.List;

/**
 * The outcome of an officer's CSV import. When {@code errors} is not empty nothing was written.
 *
 * @param rows        data rows read (header excluded)
 * @param created     new subscribers written
 * @param updated     existing subscribers updated
 * @param keptStopped existing numbers that had sent TD: updated but left stopped (consent is theirs)
 */
public record ImportReport(int rows, int created, int updated, int keptStopped, List<RowError> errors) {

    /** A row that failed validation; {@code line} is the 1-based line in the file (header = 1). */
    public record RowError(int line, String field, String message) {
    }

    public boolean ok() {
        return errors.isEmpty();
    }
}
