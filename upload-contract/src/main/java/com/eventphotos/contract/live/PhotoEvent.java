package com.eventphotos.contract.live;

import java.time.Instant;

/**
 * What an event's gallery channel carries: a photo became visible to the event's viewers, or stopped being visible
 * (deleted or hidden). Only ids: a subscriber fetches the photo ({@code GET …/photos/{photoId}}) with its own token,
 * so one whose access ended (a revoked wall or guest link, a removed member, an expired session) learns nothing
 * about new photos from a subscription AppSync keeps open (docs/security.md, Live channel). Never a photo a viewer
 * may not see.
 */
public record PhotoEvent(String type, String eventId, String photoId, String at) {

    public static final String VISIBLE = "photo.visible";
    public static final String REMOVED = "photo.removed";

    public static PhotoEvent visible(String eventId, String photoId, Instant at) {
        return new PhotoEvent(VISIBLE, eventId, photoId, at.toString());
    }

    public static PhotoEvent removed(String eventId, String photoId, Instant at) {
        return new PhotoEvent(REMOVED, eventId, photoId, at.toString());
    }
}
