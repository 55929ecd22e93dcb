package com.eventphotos.contract.live;

import java.time.Instant;

import com.eventphotos.contract.PhotoView;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What an event's gallery channel carries: a photo became visible to the event's viewers ({@code photo} is what
 * {@code GET …/photos/{photoId}} returns them), or stopped being visible (deleted or hidden; no {@code photo}).
 * Never image bytes, never a photo a viewer may not see.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PhotoEvent(String type, String eventId, String photoId, String at, PhotoView photo) {

    public static final String VISIBLE = "photo.visible";
    public static final String REMOVED = "photo.removed";

    public static PhotoEvent visible(PhotoView photo, Instant at) {
        return new PhotoEvent(VISIBLE, photo.eventId(), photo.photoId(), at.toString(), photo);
    }

    public static PhotoEvent removed(String eventId, String photoId, Instant at) {
        return new PhotoEvent(REMOVED, eventId, photoId, at.toString(), null);
    }
}
