package com.eventphotos.api.auth;

import java.util.regex.Pattern;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Accepts {@code Authorization: <jwt>} as well as {@code Authorization: Bearer <jwt>}: the original design's web
 * client sends the bare form, and API Gateway's JWT authorizer accepts both. A bare header that looks like a JWT is
 * rewritten to the Bearer form before authentication, so the token is checked exactly like any other.
 */
@ApplicationScoped
public class BareTokenSupport {

    private static final Pattern BARE_JWT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    /** After CORS (priority 300), before authentication (200): higher priorities run first. */
    private static final int PRIORITY = 250;

    void register(@Observes Filters filters) {
        filters.register(BareTokenSupport::addBearerScheme, PRIORITY);
    }

    private static void addBearerScheme(RoutingContext context) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && BARE_JWT.matcher(authorization).matches()) {
            context.request().headers().set(HttpHeaders.AUTHORIZATION, "Bearer " + authorization);
        }
        context.next();
    }
}
