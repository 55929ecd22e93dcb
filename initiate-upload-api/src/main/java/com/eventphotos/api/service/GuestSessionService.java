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
import com.eventphotos.contract.DisplayNames;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import static com.eventphotos.contract.PhotoTable.formatTime;

/**
 * Guest sessions: someone with a guest link and a name, and no account, becomes a guest of the link's event for as long
 * as the link lasts. Each session counts one use of the link ({@code maxUses}), under the link's conditions.
 */
@ApplicationScoped
public class GuestSessionService {

    @Inject
    InviteRepository invites;

    @Inject
    GuestTokens tokens;

    @Inject
    GuestSessionLimits limits;

    /**
     * Limits, each keyed on what the caller cannot forge ({@code source}: the TCP peer, or API Gateway's source IP): a
     * source starts at most so many sessions (sized for a venue whose guests share one address), a source that keeps
     * sending codes that do not exist is refused for a while (junk costs the caller, not every event), and a link
     * takes at most so many sessions at once and per minute (one client cannot use it up for the real guests).
     *
     * @param source the caller's address ({@code ClientAddresses})
     */
    public GuestSessionView start(String code, CreateGuestSessionRequest request, String source, Instant now) {
        limits.requireSourceMayStart(source);
        String name = name(request);
        InviteItem link = limits.countingUnknownCodes(
                source, () -> invites.find(InviteCode.parse(code).orElseThrow(InviteNotFoundException::new))
                        .orElseThrow(InviteNotFoundException::new));
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
        limits.requireLinkMayStart(link.code());
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
        try {
            return DisplayNames.normalized(request == null ? null : request.name());
        } catch (IllegalArgumentException refused) {
            throw new InvalidRequestException("name", refused.getMessage());
        }
    }
}
