package com.eventphotos.api.domain;

/** What a member or guest may do in an event; {@link Role} says which role grants which, {@link GuestSession} a guest's. */
public enum Permission {
    VIEW_PHOTOS("see the event's photos"),
    VIEW_OWN_PHOTOS("see the photos they uploaded"),
    UPLOAD_PHOTOS("upload photos"),
    DELETE_OWN_PHOTOS("delete photos they uploaded"),
    DELETE_ANY_PHOTO("delete other members' photos"),
    HIDE_PHOTOS("hide and unhide photos"),
    REVIEW_PHOTOS("approve guests' photos"),
    MANAGE_MEMBERS("manage the event's members and invites"),
    DOWNLOAD_ANY_ORIGINAL("download originals other people uploaded"),
    EXPORT_PHOTOS("export the event's photos"),
    /** The wall page's frame, with the guest link its owner picked: owners and that wall's own session. */
    SHOW_WALL("open the event's wall page");

    private final String action;

    Permission(String action) {
        this.action = action;
    }

    /** As in "a VIEWER cannot {action}". */
    public String action() {
        return action;
    }
}
