package com.eventphotos.localstack.live;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * The event server's limits, by default AppSync Events' own where AppSync has one, so that a client that misbehaves
 * here would misbehave in AWS too.
 *
 * @param keepAlive how often a {@code ka} goes to each connection
 * @param connectionLifetime after this the server closes a connection (AppSync: 24 h); the client reconnects
 * @param maxConnectionsPerSource open connections one TCP peer address may hold; more are refused at the handshake
 *     with 429. A venue's crowd shares one address, so this must stay well above 100.
 * @param maxSubscriptionsPerConnection AppSync's 200; the next subscribe gets {@code MaxSubscriptionsReachedError}
 * @param recheckInterval how often every open subscription's authorization is asked of the API again, so a revoked
 *     token (a wall, a guest link) stops hearing within this plus the API's answer time
 * @param clockSkew how far past its {@code exp} a token is still taken (and its connection kept)
 * @param writeQueueMaxBytes what may wait unsent for one connection; a reader that lets more pile up is dropped
 */
public record EventServerOptions(
        Duration keepAlive,
        Duration connectionLifetime,
        int maxConnectionsPerSource,
        int maxSubscriptionsPerConnection,
        Duration recheckInterval,
        Duration clockSkew,
        int writeQueueMaxBytes) {

    /** Environment variables that change the defaults ({@link #fromEnvironment}); durations in ISO-8601 (PT24H). */
    public static final String CONNECTION_LIFETIME = "EVENT_PHOTOS_LIVE_CONNECTION_LIFETIME";

    public static final String MAX_CONNECTIONS_PER_SOURCE = "EVENT_PHOTOS_LIVE_MAX_CONNECTIONS_PER_SOURCE";
    public static final String RECHECK_INTERVAL = "EVENT_PHOTOS_LIVE_RECHECK_INTERVAL";

    public EventServerOptions {
        requirePositive(keepAlive, "keepAlive");
        requirePositive(connectionLifetime, "connectionLifetime");
        requirePositive(recheckInterval, "recheckInterval");
        if (clockSkew == null || clockSkew.isNegative()) {
            throw new IllegalArgumentException("clockSkew must be zero or more");
        }
        if (maxConnectionsPerSource < 1 || maxSubscriptionsPerConnection < 1 || writeQueueMaxBytes < 1024) {
            throw new IllegalArgumentException("limits must be positive (write queue at least 1 KiB)");
        }
    }

    /** AppSync's limits; the API's revocations reach open subscriptions within 10 s. */
    public static EventServerOptions defaults() {
        return new EventServerOptions(
                Duration.ofSeconds(60),
                Duration.ofHours(24),
                200,
                200,
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                1024 * 1024);
    }

    /** {@link #defaults()}, changed by {@value #CONNECTION_LIFETIME} and the other variables named here. */
    public static EventServerOptions fromEnvironment(Map<String, String> env) {
        EventServerOptions options = defaults();
        options = read(env, CONNECTION_LIFETIME, Duration::parse, options::withConnectionLifetime, options);
        options =
                read(env, MAX_CONNECTIONS_PER_SOURCE, Integer::valueOf, options::withMaxConnectionsPerSource, options);
        return read(env, RECHECK_INTERVAL, Duration::parse, options::withRecheckInterval, options);
    }

    public EventServerOptions withKeepAlive(Duration value) {
        return new EventServerOptions(
                value,
                connectionLifetime,
                maxConnectionsPerSource,
                maxSubscriptionsPerConnection,
                recheckInterval,
                clockSkew,
                writeQueueMaxBytes);
    }

    public EventServerOptions withConnectionLifetime(Duration value) {
        return new EventServerOptions(
                keepAlive,
                value,
                maxConnectionsPerSource,
                maxSubscriptionsPerConnection,
                recheckInterval,
                clockSkew,
                writeQueueMaxBytes);
    }

    public EventServerOptions withMaxConnectionsPerSource(int value) {
        return new EventServerOptions(
                keepAlive,
                connectionLifetime,
                value,
                maxSubscriptionsPerConnection,
                recheckInterval,
                clockSkew,
                writeQueueMaxBytes);
    }

    public EventServerOptions withRecheckInterval(Duration value) {
        return new EventServerOptions(
                keepAlive,
                connectionLifetime,
                maxConnectionsPerSource,
                maxSubscriptionsPerConnection,
                value,
                clockSkew,
                writeQueueMaxBytes);
    }

    public EventServerOptions withClockSkew(Duration value) {
        return new EventServerOptions(
                keepAlive,
                connectionLifetime,
                maxConnectionsPerSource,
                maxSubscriptionsPerConnection,
                recheckInterval,
                value,
                writeQueueMaxBytes);
    }

    public EventServerOptions withWriteQueueMaxBytes(int value) {
        return new EventServerOptions(
                keepAlive,
                connectionLifetime,
                maxConnectionsPerSource,
                maxSubscriptionsPerConnection,
                recheckInterval,
                clockSkew,
                value);
    }

    private static <T> EventServerOptions read(
            Map<String, String> env,
            String name,
            Function<String, T> parse,
            Function<T, EventServerOptions> apply,
            EventServerOptions unchanged) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return unchanged;
        }
        try {
            return apply.apply(parse.apply(value.trim()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + " is not usable: " + value + " (" + e.getMessage() + ")", e);
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
