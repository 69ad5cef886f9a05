package io.easel.server.deployment;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Answered as HTTP 400: a gate rule Easel cannot apply (no metric, an unknown metric, no bound or two). */
public class GateRuleException extends ErrorResponseException {

    private GateRuleException(String detail) {
        super(HttpStatus.BAD_REQUEST);
        getBody().setTitle("Invalid gate rule");
        getBody().setDetail(detail);
    }

    static GateRuleException of(int position, GateRule rule, String problem) {
        String metric = rule.metric() == null || rule.metric().isBlank() ? "" : " (" + rule.metric() + ")";
        return new GateRuleException("Gate rule " + position + metric + " " + problem);
    }

    static GateRuleException missing(int position) {
        return new GateRuleException("Gate rule " + position + " is empty: send {\"metric\": \"auc\", \"atLeast\": "
                + "0.75}, {\"metric\": …, \"atMost\": …} or {\"metric\": …, \"notWorseThanServed\": <margin>}");
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
