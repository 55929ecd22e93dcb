package com.eventphotos.localstack.live;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.core.Context;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.impl.WebSocketInternal;

/**
 * One client's WebSocket: its verified token, its subscriptions, and how it ends. Subscriptions change only on the
 * connection's own event loop ({@link #runOnContext}); publishing writes from any thread ({@link #send}), and a
 * connection whose unsent data reaches the write-queue limit is dropped there and then, so a reader that stopped
 * reading costs at most that much memory.
 */
final class Connection {

    /** How long a closing handshake may take before the TCP connection is simply closed. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(10);

    private final ServerWebSocket socket;
    private final Context context;
    private final Set<Subscription> everyOpenSubscription;
    private final Consumer<Connection> whenEnded;
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    /** Ids of subscribes still being checked: they count towards the limit, so a burst cannot pass it. */
    private final Set<String> pending = ConcurrentHashMap.newKeySet();

    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile String authorization;
    private volatile long keepAliveTimer = -1;
    private volatile long endTimer = -1;

    /**
     * @param everyOpenSubscription the server's set that publishing reads: this connection's subscriptions join it
     *     when allowed and leave it when the connection ends
     * @param whenEnded called once, whichever way the connection ends
     */
    Connection(
            ServerWebSocket socket,
            Context context,
            Set<Subscription> everyOpenSubscription,
            Consumer<Connection> whenEnded) {
        this.socket = socket;
        this.context = context;
        this.everyOpenSubscription = everyOpenSubscription;
        this.whenEnded = whenEnded;
    }

    /** The connection's token was verified: keep-alives start, and it ends at {@code endsAt} at the latest. */
    void opened(String verifiedAuthorization, Instant endsAt, Duration keepAlive) {
        this.authorization = verifiedAuthorization;
        if (ended.get()) {
            return;
        }
        keepAliveTimer = context.owner().setPeriodic(keepAlive.toMillis(), id -> send(Messages.KEEP_ALIVE));
        long untilEnd = Math.max(1, Duration.between(Instant.now(), endsAt).toMillis());
        // the client reconnects, with a fresh token if this one expired
        endTimer =
                context.owner().setTimer(untilEnd, id -> close((short) 1000, "connection lifetime or token expired"));
    }

    String authorization() {
        return authorization;
    }

    boolean isOpen() {
        return !ended.get();
    }

    void runOnContext(Runnable action) {
        context.runOnContext(v -> action.run());
    }

    // -------------------------------------------------------------------------------- subscriptions (own context)

    /** Whether {@code id} is taken, by an open subscription or one being checked. */
    boolean knows(String id) {
        return subscriptions.containsKey(id) || pending.contains(id);
    }

    int subscriptionCount() {
        return subscriptions.size() + pending.size();
    }

    void reserve(String id) {
        pending.add(id);
    }

    void abandon(String id) {
        pending.remove(id);
    }

    /** @return false when the connection ended meanwhile (then nothing is added) */
    boolean activate(Subscription subscription) {
        pending.remove(subscription.id());
        subscriptions.put(subscription.id(), subscription);
        everyOpenSubscription.add(subscription);
        if (ended.get()) { // ended while adding: end() may not have seen it
            forget(subscription);
            return false;
        }
        return true;
    }

    /** @return whether {@code id} was an open subscription */
    boolean unsubscribe(String id) {
        Subscription subscription = subscriptions.get(id);
        return subscription != null && forget(subscription);
    }

    /** The API no longer allows {@code subscription}: it ends, and the client is told as AppSync tells a refusal. */
    void revoke(Subscription subscription, String why) {
        runOnContext(() -> {
            if (forget(subscription)) {
                send(Messages.error("subscribe_error", subscription.id(), "UnauthorizedException", why));
            }
        });
    }

    private boolean forget(Subscription subscription) {
        everyOpenSubscription.remove(subscription);
        return subscriptions.remove(subscription.id(), subscription);
    }

    // ------------------------------------------------------------------------------------------------- writing

    boolean send(ObjectNode message) {
        return send(message.toString());
    }

    /**
     * Writes unless the connection ended; drops the connection instead when what it has not yet sent reached the
     * write-queue limit (a client that stopped reading, or reads slower than events come).
     */
    boolean send(String text) {
        if (ended.get()) {
            return false;
        }
        try {
            if (socket.writeQueueFull()) {
                drop();
                return false;
            }
            socket.writeTextMessage(text);
            return true;
        } catch (IllegalStateException closedMeanwhile) {
            end();
            return false;
        }
    }

    // ------------------------------------------------------------------------------------------------- ending

    /** Closes with a close frame, as AppSync ends a connection; the client reconnects. */
    void close(short code, String reason) {
        end();
        try {
            socket.close(code, reason);
        } catch (IllegalStateException alreadyClosed) {
            return;
        }
        // A peer that does not read never gets the close frame, and Vert.x waits for it to be written before its
        // own closing timeout starts: after the grace the TCP connection is closed regardless.
        context.owner().setTimer(CLOSE_GRACE.toMillis(), id -> abort());
    }

    /** Drops a slow reader: its queued data is discarded with the TCP connection, no close handshake. */
    private void drop() {
        end();
        abort();
    }

    /** The socket closed (either side), or the handshake did not complete. */
    void closed() {
        end();
    }

    private void end() {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        context.owner().cancelTimer(keepAliveTimer);
        context.owner().cancelTimer(endTimer);
        subscriptions.values().forEach(everyOpenSubscription::remove);
        subscriptions.clear();
        pending.clear();
        whenEnded.accept(this);
    }

    private void abort() {
        // Vert.x's public close() is the WebSocket close handshake, which a peer that does not read never
        // completes; closing the channel is what Vert.x itself does when its closing timeout runs out.
        if (socket instanceof WebSocketInternal internal) {
            internal.channelHandlerContext().close();
        } else {
            socket.close();
        }
    }
}
