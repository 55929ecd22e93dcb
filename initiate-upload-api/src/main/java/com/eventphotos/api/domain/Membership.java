package com.eventphotos.api.domain;

/**
 * What the caller is in one event: a member with a role (the events table holds it), or a guest (their token
 * holds it; then {@code role} is null).
 */
public record Membership(String eventId, String userId, Role role, GuestSession guest) {

    public Membership(String eventId, String userId, Role role) {
        this(eventId, userId, role, null);
    }

    public static Membership of(GuestSession guest) {
        return new Membership(guest.eventId(), guest.subject(), null, guest);
    }

    public boolean isGuest() {
        return guest != null;
    }

    public boolean allows(Permission permission) {
        return isGuest() ? guest.permissions().contains(permission) : role.allows(permission);
    }
}
