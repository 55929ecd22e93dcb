package com.eventphotos.api.model;

import jakarta.validation.constraints.Size;

/**
 * What an owner may say when making a wall: which of the event's guest links it shows as a QR code (none when
 * absent). The wall shows exactly this link while it stands, never one found by recency.
 */
public record CreateWallRequest(
        @Size(max = 100, message = "must be at most 100 characters")
        String guestLinkId) {}
