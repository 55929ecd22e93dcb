package com.eventphotos.api.logging;

import java.util.regex.Pattern;

import org.jboss.logging.Logger;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * One line per request, when its response has been sent: method, path, status, milliseconds. Never a header (so no
 * token), never the query string (page tokens), and an invite code in the path (a secret that lets anyone join) is
 * written as {@code {code}}. Locally the line is in {@code api.log}; in AWS in the function's log group, beside the
 * HTTP API's own access log.
 */
@ApplicationScoped
public class RequestLog {

    public static final String CATEGORY = "com.eventphotos.api.requests";

    private static final Logger LOG = Logger.getLogger(CATEGORY);
    private static final Pattern INVITE_CODE = Pattern.compile("(/invites/)[^/]+");

    /** Before every other filter (higher runs first), so that refused requests are logged too. */
    private static final int PRIORITY = 10_000;

    void register(@Observes Filters filters) {
        filters.register(this::log, PRIORITY);
    }

    private void log(RoutingContext context) {
        long start = System.nanoTime();
        context.addEndHandler(ended -> LOG.infof(
                "request %s %s status=%d ms=%d",
                context.request().method().name(),
                withoutSecrets(context.request().path()),
                context.response().getStatusCode(),
                (System.nanoTime() - start) / 1_000_000));
        context.next();
    }

    static String withoutSecrets(String path) {
        return path == null ? "-" : INVITE_CODE.matcher(path).replaceAll("$1{code}");
    }
}
