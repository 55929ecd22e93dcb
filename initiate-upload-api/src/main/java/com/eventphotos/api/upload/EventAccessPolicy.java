package com.eventphotos.api.upload;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The one place that decides who may upload to which event. Today every signed-in user may upload to
 * every event; per-event roles or membership checks belong here and nowhere else.
 */
@ApplicationScoped
public class EventAccessPolicy {

    public void requireUploadAllowed(SecurityIdentity identity, String eventId) {
        if (identity.isAnonymous()) {
            throw new EventAccessDeniedException("sign in to upload photos to event " + eventId);
        }
    }
}
