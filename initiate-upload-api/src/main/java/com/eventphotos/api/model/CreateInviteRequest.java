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

        @Schema(description = "How many guests may join through it (default 50)")
        @Positive(message = "must be at least 1")
        Integer maxUses) {}
