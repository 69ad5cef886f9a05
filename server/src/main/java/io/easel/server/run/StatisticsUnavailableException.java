package io.easel.server.run;

import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Column statistics that no engine here can compute (the warm engine is turned off, or not local); HTTP 409. The
 * problem's {@code reason} names which, so a client can say it in its own language.
 */
public class StatisticsUnavailableException extends ErrorResponseException {

    /** Why no engine here computes column statistics. */
    public enum Reason {
        /** {@code easel.engine.warm.enabled=false}, or a Spark installation in place of the built-in engine. */
        WARM_ENGINE_OFF,
        /** The engine's master is a cluster, where no warm engine runs. */
        CLUSTER_ENGINE,
        /** The warm engine should run but could not be started. */
        WARM_ENGINE_NOT_STARTED;

        /** As the problem's {@code reason} has it: {@code warm-engine-off}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Reason reason;

    StatisticsUnavailableException(Reason reason, String detail) {
        super(HttpStatus.CONFLICT);
        this.reason = reason;
        getBody().setTitle("Column statistics unavailable");
        getBody().setDetail(detail);
        getBody().setProperty("reason", reason.code());
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
