package com.eventphotos.api.auth;

import org.jboss.logging.Logger;

import com.eventphotos.api.error.ErrorResponse;
import com.eventphotos.api.error.RequestBodyLimit;
import com.eventphotos.api.error.RoutingErrors;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A refused token gets the same JSON error body as every other client mistake (Quarkus would answer an empty
 * 401), as does a body without Content-Length that outgrew the size limit; a refused token's reason is logged at DEBUG on {@code com.eventphotos.api.auth} for an operator (never the token).
 * Authentication runs before Quarkus REST, so this is a router failure handler, not an exception mapper.
 */
@ApplicationScoped
public class AuthFailureResponses {

    private static final Logger LOG = Logger.getLogger("com.eventphotos.api.auth");

    public static final String CHALLENGE_HEADER = "WWW-Authenticate";
    public static final String CHALLENGE = "Bearer";

    public static final String MESSAGE =
            "a valid bearer token of this app is required (missing, expired, or not issued for this app)";

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(AuthFailureResponses::handle);
    }

    private static void handle(RoutingContext context) {
        Throwable failure = context.failure();
        if (failure instanceof AuthenticationFailedException || failure instanceof AuthenticationCompletionException) {
            LOG.debugf("token refused: %s", TokenRefusal.reason(failure));
            unauthorized(context);
            return;
        }
        if (context.statusCode() == 413) {
            // a body sent without Content-Length that outgrew quarkus.http.limits.max-body-size
            RoutingErrors.end(context, RequestBodyLimit.tooLarge("more"));
            return;
        }
        context.next();
    }

    /** The body of every 401, whether authentication failed here or an endpoint found no identity. */
    public static ErrorResponse unauthorizedBody() {
        return ErrorResponse.of(401, "Unauthorized", MESSAGE);
    }

    private static void unauthorized(RoutingContext context) {
        context.response().putHeader(CHALLENGE_HEADER, CHALLENGE);
        RoutingErrors.end(context, unauthorizedBody());
    }
}
