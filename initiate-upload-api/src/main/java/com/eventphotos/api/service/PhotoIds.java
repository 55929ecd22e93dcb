package com.eventphotos.api.service;

import java.util.UUID;

import com.eventphotos.api.error.InvalidRequestException;

/** Photo ids as the API issues them: lower-case UUIDs, nothing else. */
final class PhotoIds {

    private PhotoIds() {}

    static UUID parse(String photoId) {
        try {
            UUID uuid = UUID.fromString(photoId);
            if (uuid.toString().equals(photoId)) {
                return uuid;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new InvalidRequestException("photoId", "must be a lower-case UUID as returned by initiate-upload");
    }
}
