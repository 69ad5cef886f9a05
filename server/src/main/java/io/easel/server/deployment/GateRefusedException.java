package io.easel.server.deployment;

import io.easel.server.model.ModelVersionView;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Answered as HTTP 409: the version fails rules of the deployment's gate. The problem JSON's {@code failures} lists
 * each failed rule with both figures; an administrator may deploy anyway with {@code override: {reason}}.
 */
public class GateRefusedException extends ErrorResponseException {

    private final transient List<GateFailure> failures;

    private final boolean mayOverride;

    /** @param mayOverride whether the caller is an administrator, who may deploy it anyway */
    GateRefusedException(String deployment, ModelVersionView version, List<GateFailure> failures,
            boolean mayOverride) {
        super(HttpStatus.CONFLICT);
        this.failures = List.copyOf(failures);
        this.mayOverride = mayOverride;
        getBody().setTitle("Refused by the deployment's gate");
        getBody().setDetail("Version " + version.version() + " of model '" + version.modelName()
                + "' fails the gate of deployment '" + deployment + "': "
                + failures.stream().map(GateFailure::text).collect(Collectors.joining("; "))
                + (mayOverride ? ". As an administrator you may deploy it anyway, giving a reason (override)."
                        : ". Only an administrator may deploy it anyway."));
        getBody().setProperty("failures", this.failures);
        getBody().setProperty("mayOverride", mayOverride);
    }

    /** The failed rules, in the gate's order. */
    public List<GateFailure> failures() {
        return failures;
    }

    /** Whether the caller may deploy the version anyway (administrators, with a reason). */
    public boolean mayOverride() {
        return mayOverride;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
