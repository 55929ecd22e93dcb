package com.eventphotos.api.model;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.eventphotos.api.domain.Role;

import jakarta.validation.constraints.Positive;

/** An invite link to create; every field has a default. */
public record CreateInviteRequest(
        @Schema(description = "CONTRIBUTOR (default) or VIEWER; owners are made by changing a member's role")
        Role role,

        @Schema(description = "When the link stops working (default: in 7 days; at most 30 days ahead)")
        Instant expiresAt,

        @Schema(description = "How many guests may join through it (default 50); for a guest link, guest sessions")
        @Positive(message = "must be at least 1")
        Integer maxUses,

        @Schema(
                description = "true (default): guests sign in and become members. false: a guest link, used without an "
                        + "account (POST /invites/{code}/guest-sessions)")
        Boolean signInRequired,

        @Schema(description = "Guest links: whether guests see the event's photos (default true) or only their own")
        Boolean allowView,

        @Schema(
                description = "Guest links: whether an owner approves each guest photo before members see it "
                        + "(default true)")
        Boolean requireReview) {

    /** Today's sign-in invite with every default. */
    public static CreateInviteRequest defaults() {
        return new CreateInviteRequest(null, null, null, null, null, null);
    }
}
