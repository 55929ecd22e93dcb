package com.eventphotos.api.domain;

/** One user's role in one event, as the events table holds it. */
public record Membership(String eventId, String userId, Role role) {

    public boolean allows(Permission permission) {
        return role.allows(permission);
    }
}
