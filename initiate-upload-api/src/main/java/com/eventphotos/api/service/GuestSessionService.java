package com.eventphotos.api.service;

import java.time.Instant;
import java.util.UUID;

import com.eventphotos.api.auth.GuestTokens;
import com.eventphotos.api.domain.GuestSession;
import com.eventphotos.api.domain.InviteCode;
import com.eventphotos.api.domain.InviteNotFoundException;
import com.eventphotos.api.error.InvalidRequestException;
import com.eventphotos.api.model.CreateGuestSessionRequest;
import com.eventphotos.api.model.GuestSessionView;
import com.eventphotos.api.repository.GuestItem;
import com.eventphotos.api.repository.InviteItem;
import com.eventphotos.api.repository.InviteRepository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import static com.eventphotos.contract.PhotoTable.formatTime;

/**
 * Guest sessions: someone with a guest link and a name, and no account, becomes a guest of the link's event for as long
 * as the link lasts. Each session counts one use of the link ({@code maxUses}), under the link's conditions.
 */
@ApplicationScoped
public class GuestSessionService {

    static final int MAX_NAME = 60;

    @Inject
    InviteRepository invites;

    @Inject
    GuestTokens tokens;

    public GuestSessionView start(String code, CreateGuestSessionRequest request, Instant now) {
        String name = name(request);
        InviteItem link = invites.find(InviteCode.parse(code).orElseThrow(InviteNotFoundException::new))
                .orElseThrow(InviteNotFoundException::new);
        if (link.wall()) {
            throw new InviteNotFoundException(); // a wall's session is made with the wall, never through a code
        }
        if (link.signInRequired()) {
            throw new InvalidRequestException(
                    "code", "this invite asks guests to sign in: accept it (POST /invites/{code}/accept) instead");
        }
        link.unusableAt(now).ifPresent(unusable -> {
            throw unusable;
        });
        Instant expiresAt = Instant.parse(link.expiresAt());
        GuestSession session = new GuestSession(
                link.code().eventId(), UUID.randomUUID(), name, link.allowView(), link.requireReview(), false);
        invites.startGuestSession(
                link,
                new GuestItem(
                        session.eventId(),
                        session.guestId(),
                        name,
                        link.code().secret(),
                        formatTime(now),
                        expiresAt,
                        0,
                        0),
                now);
        return new GuestSessionView(
                tokens.issue(session, now, expiresAt),
                expiresAt,
                session.eventId(),
                link.eventName(),
                session.guestId(),
                name,
                link.allowView(),
                link.requireReview());
    }

    private static String name(CreateGuestSessionRequest request) {
        String name =
                request == null || request.name() == null ? "" : request.name().strip();
        int length = name.codePointCount(0, name.length());
        if (length < 1 || length > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidRequestException(
                    "name", "must be 1 to " + MAX_NAME + " characters (after trimming), without control characters");
        }
        return name;
    }
}
