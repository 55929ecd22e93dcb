package com.eventphotos.api.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import com.eventphotos.api.UploadApiConfig;
import com.eventphotos.api.auth.GuestTokens;
import com.eventphotos.api.domain.GuestSession;
import com.eventphotos.api.domain.InviteCode;
import com.eventphotos.api.domain.InviteNotFoundException;
import com.eventphotos.api.domain.Membership;
import com.eventphotos.api.domain.Role;
import com.eventphotos.api.model.EventView;
import com.eventphotos.api.model.WallPageView;
import com.eventphotos.api.model.WallView;
import com.eventphotos.api.repository.GuestItem;
import com.eventphotos.api.repository.InviteItem;
import com.eventphotos.api.repository.InviteRepository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import static com.eventphotos.contract.PhotoTable.formatTime;

/**
 * Walls: a view-only guest session each, made by an owner with a wall invite of its own (never a link anyone can
 * follow: starting a session with its code answers 404). So a wall is checked as every guest is (its session and
 * its invite must stand: revoking ends it within the session check's cache), and its token may only see.
 */
@ApplicationScoped
public class WallService {

    static final String WALL_NAME = "Wall";

    @Inject
    InviteRepository invites;

    @Inject
    InviteService links;

    @Inject
    EventService events;

    @Inject
    GuestTokens tokens;

    @Inject
    UploadApiConfig config;

    public WallView create(Membership owner, String origin, Instant now) {
        EventView event = events.get(owner);
        Instant expiresAt = now.plus(config.events().maxInviteLifetime());
        InviteItem wall = new InviteItem(
                InviteCode.generate(event.eventId()),
                event.name(),
                Role.VIEWER,
                formatTime(expiresAt),
                1,
                0,
                false,
                owner.userId(),
                formatTime(now),
                false,
                true,
                false,
                true);
        invites.create(wall);
        GuestSession session = session(wall);
        invites.startGuestSession(
                wall,
                new GuestItem(
                        session.eventId(),
                        session.guestId(),
                        WALL_NAME,
                        wall.code().secret(),
                        formatTime(now),
                        expiresAt,
                        0,
                        0),
                now);
        return view(wall, origin, now);
    }

    /** The event's walls that stand, newest first, each with a fresh token for the same session. */
    public List<WallView> walls(String eventId, String origin, Instant now) {
        return invites.ofEvent(eventId).stream()
                .filter(InviteItem::wall)
                .filter(wall -> !wall.revoked() && wall.expiresAt().compareTo(formatTime(now)) > 0)
                .sorted(Comparator.comparing(InviteItem::createdAt).reversed())
                .map(wall -> view(wall, origin, now))
                .toList();
    }

    public void revoke(String eventId, String wallId) {
        invites.revoke(wallOf(eventId, wallId).code());
    }

    /** A new wall in place of this one, whose token stops working (a token that was shown too widely). */
    public WallView rotate(Membership owner, String wallId, String origin, Instant now) {
        revoke(owner.eventId(), wallId);
        return create(owner, origin, now);
    }

    /** The wall page's frame: the event's name and, when there is one that stands, a guest link to show as QR. */
    public WallPageView page(Membership viewer, String origin, Instant now) {
        EventView event = events.get(viewer);
        String webClient = links.webClientFor(origin);
        String guestLink = invites.ofEvent(viewer.eventId()).stream()
                .filter(invite -> !invite.signInRequired() && !invite.wall())
                .filter(invite -> invite.unusableAt(now).isEmpty())
                .max(Comparator.comparing(InviteItem::createdAt))
                .map(invite -> invite.toView(webClient).link())
                .orElse(null);
        return new WallPageView(event.eventId(), event.name(), guestLink);
    }

    private InviteItem wallOf(String eventId, String wallId) {
        return InviteCode.parse(wallId)
                .filter(code -> code.eventId().equals(eventId))
                .flatMap(invites::find)
                .filter(InviteItem::wall)
                .orElseThrow(InviteNotFoundException::new);
    }

    private WallView view(InviteItem wall, String origin, Instant now) {
        Instant expiresAt = Instant.parse(wall.expiresAt());
        String token = tokens.issue(session(wall), now, expiresAt);
        String eventId = wall.code().eventId();
        return new WallView(
                wall.code().toString(),
                links.webClientFor(origin) + "/events/" + eventId + "/wall#token=" + token,
                token,
                expiresAt,
                wall.createdAt());
    }

    /** One session per wall, its id derived from the wall's code, so a listed wall gets a token for it again. */
    private static GuestSession session(InviteItem wall) {
        UUID guestId = UUID.nameUUIDFromBytes(("wall:" + wall.code()).getBytes(StandardCharsets.UTF_8));
        return new GuestSession(wall.code().eventId(), guestId, WALL_NAME, true, false, true);
    }
}
