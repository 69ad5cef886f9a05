package io.easel.server.audit;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What the audit log records: who signed in (or failed to), and every change that matters for security. */
public enum AuditAction {
    SIGN_IN,
    SIGN_IN_FAILED,
    DEPLOYED,
    UNDEPLOYED,
    ROLLED_BACK,
    GATE_CHANGED,
    GATE_REFUSED,
    GATE_OVERRIDDEN,
    CANARY_STARTED,
    CANARY_PROMOTED,
    CANARY_ABORTED,
    EXPERIMENT_TRASHED,
    EXPERIMENT_RESTORED,
    EXPERIMENT_DELETED,
    RUN_SETTINGS_CHANGED,
    API_KEY_CREATED,
    API_KEY_REVOKED,
    USER_CREATED,
    USER_CHANGED,
    WORKSPACE_CREATED,
    MEMBER_CHANGED,
    MEMBER_REMOVED,
    UPLOADED,
    UPLOAD_DELETED,
    SCHEDULE_CHANGED,
    SCHEDULE_REMOVED,
    PROMOTED_BY_SCHEDULE,
    PROMOTION_REFUSED,
    PREDICTION_LOG_CHANGED;

    /** As the REST API writes it: {@code sign-in-failed}. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
