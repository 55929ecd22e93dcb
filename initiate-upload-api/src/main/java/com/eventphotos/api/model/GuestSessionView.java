package com.eventphotos.api.model;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A guest session: the token to send as {@code Authorization: Bearer …} on the photo endpoints, and what it allows.
 *
 * @param expiresAt when the token stops working: the link's own expiry
 */
public record GuestSessionView(
        @Schema(description = "A JWT this API signed for this guest and event")
        String token,

        Instant expiresAt,
        String eventId,
        String eventName,
        UUID guestId,
        String name,

        @Schema(description = "Whether the guest sees the event's photos, or only their own")
        boolean allowView,

        @Schema(description = "Whether an owner approves each of the guest's photos before others see it")
        boolean requireReview) {}
