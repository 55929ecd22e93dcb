package com.eventphotos.api.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.eventphotos.contract.EventId;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** A new event: its name, and optionally the id to use in links (else one is generated). */
public record CreateEventRequest(
        @Schema(description = "Shown to members; any Unicode text", examples = "민지 & Alex's wedding", maxLength = 100)
        @NotBlank(message = "must not be blank")
        @MaxCodePoints(100)
        String name,

        @Schema(description = "Optional id for links; generated when left out", examples = "seoul-fireworks-2026")
        @Pattern(regexp = EventId.REGEX, message = "must match " + EventId.REGEX)
        String eventId) {}
