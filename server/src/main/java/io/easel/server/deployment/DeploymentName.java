package io.easel.server.deployment;

import java.text.Normalizer;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** Deployment names are URL slugs: they are the last segment of the scoring endpoint's path. */
public final class DeploymentName {

    static final int MAX_LENGTH = 63;

    /** What a deployment name may be, in words for people. */
    public static final String RULE = "1 to " + MAX_LENGTH
            + " lowercase letters, digits and '-', starting and ending with a letter or digit";

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private DeploymentName() {}

    /** Whether {@code name} may name a deployment (see {@link #RULE}). */
    public static boolean isSlug(String name) {
        return SLUG.matcher(name).matches();
    }

    /**
     * A slug from a model's name, e.g. {@code "Credit scoring / gbdt"} → {@code "credit-scoring-gbdt"}. Letters
     * outside ASCII are dropped (accents first stripped); a name with nothing left becomes {@code model-<id prefix>}.
     */
    static String derive(String modelName, UUID modelId) {
        String ascii = Normalizer.normalize(modelName, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH - 4) {
            // room for a "-<n>" suffix when the name is taken
            slug = slug.substring(0, MAX_LENGTH - 4).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "model-" + modelId.toString().substring(0, 8) : slug;
    }
}
