package com.eventphotos.localstack.live;

/**
 * One open subscription: a channel heard on a connection under an id the client chose, allowed for the token it
 * was checked with (the connection's, or the subscribe message's own), which is checked again while it is open.
 * Compared by identity: a subscription removed and made again under the same id is another one.
 */
final class Subscription {

    private final Connection connection;
    private final String id;
    private final String channel;
    private final String authorization;

    Subscription(Connection connection, String id, String channel, String authorization) {
        this.connection = connection;
        this.id = id;
        this.channel = channel;
        this.authorization = authorization;
    }

    Connection connection() {
        return connection;
    }

    String id() {
        return id;
    }

    String channel() {
        return channel;
    }

    String authorization() {
        return authorization;
    }
}
