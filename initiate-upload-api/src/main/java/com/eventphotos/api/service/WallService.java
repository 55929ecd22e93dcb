package com.eventphotos.api.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.eventphotos.api.UploadApiConfig;
import com.eventphotos.api.auth.GuestTokens;
import com.eventphotos.api.domain.GuestSession;
import com.eventphotos.api.domain.InviteCode;
import com.eventphotos.api.domain.InviteNotFoundException;
import com.eventphotos.api.domain.Membership;
import com.eventphotos.api.domain.Role;
import com.eventphotos.api.error.InvalidRequestException;
import com.eventphotos.api.model.EventView;
import com.eventphotos.api.model.WallPageView;
import com.eventphotos.api.model.WallView;
import com.eventphotos.api.repository.GuestItem;
import com.eventphotos.api.repository.GuestRepository;
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
    GuestRepository guests;

    @Inject
    InviteService links;

    @Inject
    EventService events;

    @Inject
    GuestTokens tokens;

    @Inject
    UploadApiConfig config;

    /** @param guestLinkId the guest link the wall shows as a QR code (the owner's pick), or null for none */
    public WallView create(Membership owner, String guestLinkId, String origin, Instant now) {
        EventView event = events.get(owner);
        String guestLink = guestLinkId == null
                ? null
                : usableGuestLink(owner.eventId(), guestLinkId, now)
                        .map(link -> link.code().toString())
                        .orElseThrow(() -> new InvalidRequestException(
                                "guestLinkId", "is not a guest link of this event that can still be used"));
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
                true,
                guestLink);
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
        InviteItem old = wallOf(owner.eventId(), wallId);
        invites.revoke(old.code());
        String guestLink = old.wallGuestLink() == null
                ? null
                : usableGuestLink(owner.eventId(), old.wallGuestLink(), now)
                        .map(link -> link.code().toString())
                        .orElse(null);
        return create(owner, guestLink, origin, now);
    }

    /**
     * The wall page's frame: the event's name and, for a wall's own token, the guest link its owner picked for it while
     * that link can still be used. Never another link: a link found by recency could be one meant for other guests
     * (without review), and an owner previewing the page has every link in the invite panel already.
     */
    public WallPageView page(Membership caller, String origin, Instant now) {
        EventView event = events.get(caller);
        String guestLink = Optional.ofNullable(caller.guest())
                .filter(GuestSession::wall)
                .flatMap(session -> guests.find(session.eventId(), session.guestId()))
                .flatMap(session -> invites.find(new InviteCode(caller.eventId(), session.inviteSecret())))
                .map(InviteItem::wallGuestLink)
                .flatMap(code -> usableGuestLink(caller.eventId(), code, now))
                .map(link -> link.toView(links.webClientFor(origin)).link())
                .orElse(null);
        return new WallPageView(event.eventId(), event.name(), guestLink);
    }

    /** The guest link {@code code} names, if it is one of this event's (not a wall, not a sign-in invite) and usable. */
    private Optional<InviteItem> usableGuestLink(String eventId, String code, Instant now) {
        return InviteCode.parse(code)
                .filter(parsed -> parsed.eventId().equals(eventId))
                .flatMap(invites::find)
                .filter(link -> isGuestLink(link) && link.unusableAt(now).isEmpty());
    }

    private static boolean isGuestLink(InviteItem invite) {
        return !invite.signInRequired() && !invite.wall();
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
                wall.createdAt(),
                wall.wallGuestLink());
    }

    /** One session per wall, its id derived from the wall's code, so a listed wall gets a token for it again. */
    private static GuestSession session(InviteItem wall) {
        UUID guestId = UUID.nameUUIDFromBytes(("wall:" + wall.code()).getBytes(StandardCharsets.UTF_8));
        return new GuestSession(wall.code().eventId(), guestId, WALL_NAME, true, false, true);
    }
}
