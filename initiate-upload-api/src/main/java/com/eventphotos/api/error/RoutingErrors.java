package com.eventphotos.api.error;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;

/** Ends a request below Quarkus REST (before authentication or body parsing) with the same JSON error body. */
public final class RoutingErrors {

    private RoutingErrors() {}

    public static void end(RoutingContext context, ErrorResponse error) {
        if (context.response().ended()) {
            return;
        }
        context.response()
                .setStatusCode(error.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(Json.encode(error));
    }
}
