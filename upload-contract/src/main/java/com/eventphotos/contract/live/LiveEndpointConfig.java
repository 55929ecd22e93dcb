package com.eventphotos.contract.live;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.WithDefault;

/**
 * The live endpoint (AppSync Events, the local event server), as every deployable reads it: the config group {@code
 * event-photos.live} of the API's, the processor's and the export worker's configuration, set by infra and the local
 * stack alike ({@code EVENT_PHOTOS_LIVE_HTTP_URL}, {@code EVENT_PHOTOS_LIVE_REALTIME_URL}: see LiveEventsEnvironment).
 */
public interface LiveEndpointConfig {

    /** The Event API's HTTP endpoint events are published to; unset: nothing is published (pages then poll). */
    Optional<URI> httpUrl();

    /** Its WebSocket endpoint ({@code …/event/realtime}), which clients subscribe at; only the API hands it out. */
    Optional<URI> realtimeUrl();

    /** The region publishes are signed for. */
    String region();

    /** One publish, all in: a slow live endpoint delays what publishes (a record, an approval) by at most this. */
    @WithDefault("2S")
    Duration timeout();

    /** The gallery publishing to this endpoint, as the deployable's role (the default credentials chain). */
    default LiveGallery gallery() {
        return LiveGallery.of(httpUrl(), region(), timeout());
    }
}
