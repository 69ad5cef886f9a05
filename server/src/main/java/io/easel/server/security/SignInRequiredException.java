package io.easel.server.security;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Nobody (or a user who has since been disabled or deleted) is signed in; HTTP 401. */
public class SignInRequiredException extends ErrorResponseException {

    public SignInRequiredException() {
        super(HttpStatus.UNAUTHORIZED);
        getBody().setTitle("Sign-in required");
        getBody().setDetail(ProblemResponses.SIGN_IN_DETAIL);
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
