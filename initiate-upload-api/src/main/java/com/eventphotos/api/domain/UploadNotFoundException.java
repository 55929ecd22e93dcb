package com.eventphotos.api.domain;

import java.util.UUID;

/** No unfinished upload in parts of this photo. */
public class UploadNotFoundException extends ResourceNotFoundException {

    public UploadNotFoundException(String eventId, UUID photoId) {
        super("no unfinished upload of photo " + photoId + " in event " + eventId
                + ": it was completed or aborted, or was not uploaded in parts");
    }
}
