package com.eventphotos.api;

import com.eventphotos.api.error.EventAccessDeniedException;

import io.quarkus.security.identity.SecurityIdentity;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one place that decides who may see and upload to which event. Today every signed-in user may do
 * both for every event; per-event roles or membership checks belong here and nowhere else.
 */
@ApplicationScoped
public class EventAccessPolicy {

    public void requireUploadAllowed(SecurityIdentity identity, String eventId) {
        requireSignedIn(identity, "upload photos to event " + eventId);
    }

    public void requireViewAllowed(SecurityIdentity identity, String eventId) {
        requireSignedIn(identity, "see the photos of event " + eventId);
    }

    private static void requireSignedIn(SecurityIdentity identity, String action) {
        if (identity.isAnonymous()) {
            throw new EventAccessDeniedException("sign in to " + action);
        }
    }
}
