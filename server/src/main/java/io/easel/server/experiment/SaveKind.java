package io.easel.server.experiment;

/**
 * How a save is kept among the experiment's revisions.
 *
 * @param autosave saved by the editor on its own, after a pause in editing: the same author's next save writes into
 *     the same revision instead of adding one, so a session of edits leaves one revision, not one per keystroke
 * @param message what the author says about the revision (null for nothing)
 * @param restoredFrom the revision being restored, or null
 */
public record SaveKind(boolean autosave, String message, Integer restoredFrom) {

    public static final SaveKind SAVE = new SaveKind(false, null, null);
    public static final SaveKind AUTOSAVE = new SaveKind(true, null, null);

    public static SaveKind save(String message) {
        return new SaveKind(false, message == null || message.isBlank() ? null : message.strip(), null);
    }

    static SaveKind restoring(int number) {
        return new SaveKind(false, null, number);
    }
}
