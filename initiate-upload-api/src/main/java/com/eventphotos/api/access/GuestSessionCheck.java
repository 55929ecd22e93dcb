package com.eventphotos.api.access;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.eventphotos.api.UploadApiConfig;
import com.eventphotos.api.domain.GuestSession;
import com.eventphotos.api.domain.InviteCode;
import com.eventphotos.api.repository.GuestItem;
import com.eventphotos.api.repository.GuestRepository;
import com.eventphotos.api.repository.InviteItem;
import com.eventphotos.api.repository.InviteRepository;

import io.quarkus.security.UnauthorizedException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Whether a guest's session still stands: their guest item exists and has not expired, and their link has not been
 * revoked. Checked with two consistent reads, remembered for {@code event-photos.guests.session-check-cache} (30 s),
 * so revoking a link ends its guests' sessions within that long; a session that no longer stands is a 401.
 */
@ApplicationScoped
public class GuestSessionCheck {

    /** Beyond this many sessions remembered at once, the cache starts over. */
    static final int MAX_CACHED = 10_000;

    /** A session that stands, with its guest item and its link (the quotas are counted on both). */
    public record ActiveGuest(GuestItem guest, InviteItem link) {}

    private record Checked(ActiveGuest active, Instant at) {}

    @Inject
    GuestRepository guests;

    @Inject
    InviteRepository invites;

    @Inject
    UploadApiConfig config;

    private final Map<UUID, Checked> checked = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    public ActiveGuest require(GuestSession session) {
        Instant now = clock.instant();
        Checked last = checked.get(session.guestId());
        if (last != null && last.at().plus(config.guests().sessionCheckCache()).isAfter(now)) {
            return standing(last.active(), now);
        }
        return read(session, now);
    }

    /** Reads the session's guest item and link now, whatever the cache holds (and remembers what it read). */
    public ActiveGuest requireFresh(GuestSession session) {
        return read(session, clock.instant());
    }

    private ActiveGuest read(GuestSession session, Instant now) {
        GuestItem guest = guests.find(session.eventId(), session.guestId())
                .orElseThrow(() -> new UnauthorizedException("this guest session has ended"));
        Optional<InviteItem> link = invites.find(new InviteCode(session.eventId(), guest.inviteSecret()));
        ActiveGuest active = new ActiveGuest(guest, link.orElse(null));
        if (checked.size() > MAX_CACHED) {
            checked.clear();
        }
        checked.put(session.guestId(), new Checked(active, now));
        return standing(active, now);
    }

    private static ActiveGuest standing(ActiveGuest active, Instant now) {
        if (active.link() == null || active.link().revoked()) {
            throw new UnauthorizedException("the event's owner revoked this guest link");
        }
        if (!active.guest().expiresAt().isAfter(now)) {
            throw new UnauthorizedException("this guest session has expired");
        }
        return active;
    }
}
