package io.easel.server.experiment;

import java.time.Instant;

/**
 * One revision of an experiment, without its graph.
 *
 * @param number 1 for the first; each save that changes the graph adds one (autosaves excepted: see
 *     {@link SaveKind#AUTOSAVE})
 * @param savedAt when its graph was last written
 * @param message what its author said about it; null for none
 * @param autosave true while it is an autosave its author's next save may still overwrite
 * @param restoredFrom the revision it restored, when it was made by restoring one; else null
 */
public record RevisionSummary(int number, String author, Instant savedAt, String message, boolean autosave,
        Integer restoredFrom, int nodeCount) {}
