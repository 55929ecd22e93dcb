package com.eventphotos.api.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A wall: a view-only session for a projector or TV showing the event. {@code url} opens the wall page with the
 * token (in the URL's fragment, which browsers never send to a server); the token lists the event's visible
 * photos and subscribes to its channel, nothing else, until the wall is revoked or rotated or {@code expiresAt}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WallView(
        String wallId, String url, String token, Instant expiresAt, String createdAt, String guestLinkId) {}
