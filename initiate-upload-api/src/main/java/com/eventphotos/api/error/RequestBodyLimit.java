package com.eventphotos.api.error;

import com.eventphotos.api.domain.Echo;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a request body above {@link #MAX_BYTES} with a JSON 413 before anything reads or parses it, and a body
 * of unknown length (HTTP/1.1 chunked) with a JSON 411. {@code quarkus.http.limits.max-body-size} (the same size)
 * stays as the backstop for anything that gets past this.
 */
@ApplicationScoped
public class RequestBodyLimit {

    /**
     * The largest initiate-upload body a client can need: 1,200 characters of title and description, each
     * written as a JSON surrogate-pair escape (12 bytes), plus the other fields; comfortably under 16 KiB.
     */
    public static final int MAX_BYTES = 16 * 1024;

    /** After CORS (priority 300), before authentication (200): higher priorities run first. */
    private static final int PRIORITY = 260;

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    private void check(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared == null && context.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            // Its size is unknown until read; every client of this API knows its (small) body's length up front.
            RoutingErrors.end(
                    context,
                    ErrorResponse.of(
                            411,
                            "Length Required",
                            "send the request body with a Content-Length (at most " + MAX_BYTES + " bytes)"));
            return;
        }
        if (declared != null && !withinLimit(declared)) {
            RoutingErrors.end(context, tooLarge(Echo.bounded(declared)));
            return;
        }
        context.next();
    }

    public static ErrorResponse tooLarge(String size) {
        return ErrorResponse.of(
                413, "Content Too Large", "the request body may be at most " + MAX_BYTES + " bytes, was " + size);
    }

    private static boolean withinLimit(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) <= MAX_BYTES;
        } catch (NumberFormatException e) {
            return false; // not a length at all: refused like an oversized one
        }
    }
}
