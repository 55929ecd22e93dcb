package com.eventphotos.api.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where an event's galleries subscribe: {@code channel} on the Event API's WebSocket endpoint {@code realtimeUrl}
 * (protocol: AppSync Events; absent where no live endpoint is deployed: galleries then change on reload only).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LiveChannelView(String eventId, String channel, String realtimeUrl) {}
