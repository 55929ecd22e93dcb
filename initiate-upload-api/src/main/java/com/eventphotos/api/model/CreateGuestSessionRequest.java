package com.eventphotos.api.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A guest's name, as they want the event's owners (and, where the link allows, its guests) to see it. */
public record CreateGuestSessionRequest(
        @Schema(description = "1 to 60 characters after trimming, any script", examples = "Oma Ingrid 🌷")
        String name) {}
