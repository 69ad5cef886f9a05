package io.easel.graph;

import java.util.Objects;

/**
 * A comment on the canvas (a sticky note): text for people, placed among the nodes. It takes no part in a run and is
 * not validated beyond its length.
 *
 * @param position canvas coordinates of the note's top-left corner
 */
public record Note(String id, String text, Node.Position position) {

    /** A page of text; a longer one belongs in the experiment's description or in docs. */
    public static final int MAX_TEXT_LENGTH = 4_000;

    public Note {
        Objects.requireNonNull(id, "id");
        text = text == null ? "" : text;
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("Note '" + id + "' has " + text.length() + " characters; a note holds at"
                    + " most " + MAX_TEXT_LENGTH);
        }
        position = position == null ? new Node.Position(0, 0) : position;
    }
}
