package com.eventphotos.api.model;

import com.eventphotos.api.domain.Role;

import jakarta.validation.constraints.NotNull;

/** A member's new role. */
public record ChangeRoleRequest(
        @NotNull(message = "must be OWNER, CONTRIBUTOR or VIEWER")
        Role role) {}
