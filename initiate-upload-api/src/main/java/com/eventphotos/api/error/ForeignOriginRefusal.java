package com.eventphotos.api.error;

import java.util.Set;

import com.eventphotos.api.UploadApiConfig;
import com.eventphotos.api.domain.Echo;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A request from a browser page of a foreign origin is refused with a JSON 403 naming the origin, as every other
 * refusal is; Quarkus' CORS filter would refuse it too, but with an empty body. Allowed and same-origin requests
 * go on to the CORS filter, which answers preflights and adds the CORS headers.
 */
@ApplicationScoped
public class ForeignOriginRefusal {

    /** Just before Quarkus' CORS filter (priority 300): higher priorities run first. */
    private static final int PRIORITY = 310;

    private final Set<String> allowedOrigins;

    ForeignOriginRefusal(UploadApiConfig config) {
        this.allowedOrigins = Set.copyOf(config.allowedOrigins());
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    private void check(RoutingContext context) {
        String origin = context.request().getHeader(HttpHeaders.ORIGIN);
        if (origin == null || allowedOrigins.contains(origin) || isSameOrigin(context, origin)) {
            context.next();
            return;
        }
        RoutingErrors.end(
                context,
                ErrorResponse.of(
                        403, "Forbidden", "requests from origin " + Echo.bounded(origin) + " are not allowed (CORS)"));
    }

    private static boolean isSameOrigin(RoutingContext context, String origin) {
        return origin.equalsIgnoreCase(
                context.request().scheme() + "://" + context.request().authority());
    }
}
