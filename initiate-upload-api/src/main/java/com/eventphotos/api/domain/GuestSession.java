package com.eventphotos.api.domain;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * A guest of one event, as their guest token says (no account, no membership item): they may upload, see and delete
 * their own photos, and see the event's photos when the link allows it.
 *
 * @param name what the guest typed, shown beside their photos
 * @param reviewRequired whether their photos wait for an owner's approval before members see them
 * @param wall a wall's session (a projector showing the event): it sees the visible photos and nothing else
 */
public record GuestSession(
        String eventId, UUID guestId, String name, boolean allowView, boolean reviewRequired, boolean wall) {

    /** Token subjects of guests; a member's subject is the identity provider's (a UUID), never this form. */
    public static final String SUBJECT_PREFIX = "guest:";

    public String subject() {
        return SUBJECT_PREFIX + guestId;
    }

    public Set<Permission> permissions() {
        if (wall) {
            // a projector's view: the event's visible photos and their channel, nothing it could change
            return EnumSet.of(Permission.VIEW_PHOTOS, Permission.VIEW_OWN_PHOTOS, Permission.SHOW_WALL);
        }
        Set<Permission> permissions =
                EnumSet.of(Permission.VIEW_OWN_PHOTOS, Permission.UPLOAD_PHOTOS, Permission.DELETE_OWN_PHOTOS);
        if (allowView) {
            permissions.add(Permission.VIEW_PHOTOS);
        }
        return permissions;
    }
}
