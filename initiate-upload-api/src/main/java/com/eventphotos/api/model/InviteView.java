package com.eventphotos.api.model;

import com.eventphotos.api.domain.Role;

/**
 * One invite as its event's owners see it.
 *
 * @param code what {@code POST /invites/{code}/accept} takes
 * @param link the web client's page that signs the guest in and accepts the code
 */
public record InviteView(
        String code,
        String link,
        Role role,
        String expiresAt,
        int maxUses,
        int uses,
        boolean revoked,
        String createdAt) {}
