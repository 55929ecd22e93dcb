package com.eventphotos.api.model;

import com.eventphotos.api.domain.Role;

/**
 * One invite as its event's owners see it.
 *
 * @param code what {@code POST /invites/{code}/accept} (or, for a guest link, {@code …/guest-sessions}) takes
 * @param link the web client's page for it: {@code /join/{code}} signs the guest in and accepts the code,
 *     {@code /g/{code}} (a guest link) asks for a name and lets them upload
 */
public record InviteView(
        String code,
        String link,
        Role role,
        String expiresAt,
        int maxUses,
        int uses,
        boolean revoked,
        String createdAt,
        boolean signInRequired,
        boolean allowView,
        boolean requireReview) {}
