package io.easel.server.experiment;

import java.util.Locale;

/**
 * Which experiments of a workspace the list shows, and in which order.
 *
 * @param search words found, case-insensitively, in the name, description or a tag; blank for all
 * @param trash the trash instead of the experiments in use
 */
public record ExperimentQuery(String search, Sort sort, boolean trash) {

    public static final ExperimentQuery ALL = new ExperimentQuery("", Sort.MODIFIED, false);

    public enum Sort {
        /** Most recently changed first. */
        MODIFIED,
        /** By name, A to Z. */
        NAME,
        /** By owner, then most recently changed first. */
        OWNER;

        /** @throws InvalidExperimentException (400) for anything but modified, name or owner */
        public static Sort parse(String text) {
            if (text == null || text.isBlank()) {
                return MODIFIED;
            }
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidExperimentException("sort", "must be modified, name or owner, not '" + text + "'");
            }
        }
    }

    public ExperimentQuery {
        search = search == null ? "" : search.strip();
        sort = sort == null ? Sort.MODIFIED : sort;
    }
}
