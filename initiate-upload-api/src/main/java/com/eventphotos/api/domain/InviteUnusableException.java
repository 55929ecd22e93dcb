package com.eventphotos.api.domain;

/** The invite exists but can no longer be used. */
public class InviteUnusableException extends GoneException {

    public enum Reason {
        REVOKED,
        EXPIRED,
        USED_UP
    }

    private final Reason reason;

    private InviteUnusableException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public static InviteUnusableException revoked() {
        return new InviteUnusableException(
                Reason.REVOKED, "this invite was revoked by the event's owner; ask them for a new one");
    }

    public static InviteUnusableException expired(String expiredAt) {
        return new InviteUnusableException(
                Reason.EXPIRED, "this invite expired at " + expiredAt + "; ask the event's owner for a new one");
    }

    public static InviteUnusableException usedUp(long maxUses) {
        return new InviteUnusableException(
                Reason.USED_UP,
                "this invite has been used its " + maxUses + " times; ask the event's owner for a new one");
    }

    public Reason reason() {
        return reason;
    }
}
