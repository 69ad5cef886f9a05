package io.easel.server.run;

import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Column statistics that no engine here can compute now (the warm engine, or the Spark job that computes them where
 * the warm engine cannot, could not be started); HTTP 409. The problem's {@code reason} names why, so a client can
 * say it in its own language.
 */
public class StatisticsUnavailableException extends ErrorResponseException {

    /** Why no engine here computes column statistics. */
    public enum Reason {
        /** The warm engine, or the statistics job where it cannot compute them, could not be started. */
        ENGINE_NOT_STARTED;

        /** As the problem's {@code reason} has it: {@code engine-not-started}. */
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
