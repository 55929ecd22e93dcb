package com.eventphotos.api.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import com.eventphotos.api.UploadApiConfig;
import com.eventphotos.api.domain.ConcurrentChangeException;
import com.eventphotos.api.domain.InviteCode;
import com.eventphotos.api.domain.InviteNotFoundException;
import com.eventphotos.api.domain.Membership;
import com.eventphotos.api.domain.Role;
import com.eventphotos.api.error.InvalidRequestException;
import com.eventphotos.api.model.AcceptedInvite;
import com.eventphotos.api.model.CreateInviteRequest;
import com.eventphotos.api.model.EventView;
import com.eventphotos.api.model.InviteView;
import com.eventphotos.api.repository.InviteItem;
import com.eventphotos.api.repository.InviteRepository;
import com.eventphotos.api.repository.MemberItem;
import com.eventphotos.api.repository.MemberRepository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import static com.eventphotos.contract.PhotoTable.formatTime;

/**
 * Invite links: the rules for creating one (roles, lifetime, uses), listing and revoking them, and accepting one,
 * retried when another accept of the same invite collides with it.
 */
@ApplicationScoped
public class InviteService {

    static final Duration DEFAULT_LIFETIME = Duration.ofDays(7);
    static final int DEFAULT_MAX_USES = 50;
    /** Accepts that collide with another transaction on the same invite are retried this many times. */
    static final int ATTEMPTS = 10;

    @Inject
    InviteRepository invites;

    @Inject
    MemberRepository members;

    @Inject
    EventService events;

    @Inject
    UploadApiConfig config;

    /** @param origin the browser's Origin: links point at the web client the owner is using, when it is allowed */
    public InviteView create(Membership owner, CreateInviteRequest request, String origin, Instant now) {
        EventView event = events.get(owner);
        CreateInviteRequest asked = request != null ? request : CreateInviteRequest.defaults();
        boolean signInRequired = asked.signInRequired() == null || asked.signInRequired();
        Role role = asked.role() != null ? asked.role() : Role.CONTRIBUTOR;
        if (!signInRequired && role != Role.CONTRIBUTOR) {
            throw new InvalidRequestException(
                    "role", "a guest link's guests upload and see photos as the link allows: leave role out");
        }
        if (signInRequired && (asked.allowView() != null || asked.requireReview() != null)) {
            throw new InvalidRequestException(
                    signInRequired && asked.allowView() != null ? "allowView" : "requireReview",
                    "applies to guest links only (signInRequired: false); members see what their role allows");
        }
        if (role == Role.OWNER) {
            throw new InvalidRequestException(
                    "role",
                    "an invite makes CONTRIBUTOR or VIEWER members; make a member OWNER by changing their role");
        }
        Instant expiresAt = asked.expiresAt() != null ? asked.expiresAt() : now.plus(DEFAULT_LIFETIME);
        Duration maxLifetime = config.events().maxInviteLifetime();
        if (!expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(maxLifetime))) {
            throw new InvalidRequestException(
                    "expiresAt", "must be in the future and at most " + maxLifetime.toDays() + " days ahead");
        }
        int maxUses = asked.maxUses() != null ? asked.maxUses() : DEFAULT_MAX_USES;
        if (maxUses > config.events().maxInviteUses()) {
            throw new InvalidRequestException(
                    "maxUses", "must be from 1 to " + config.events().maxInviteUses());
        }
        InviteItem invite = new InviteItem(
                InviteCode.generate(event.eventId()),
                event.name(),
                role,
                formatTime(expiresAt),
                maxUses,
                0,
                false,
                owner.userId(),
                formatTime(now),
                signInRequired,
                signInRequired || asked.allowView() == null || asked.allowView(),
                !signInRequired && (asked.requireReview() == null || asked.requireReview()),
                false,
                null);
        invites.create(invite);
        return invite.toView(webClient(origin));
    }

    public List<InviteView> invites(String eventId, String origin) {
        String webClient = webClient(origin);
        return invites.ofEvent(eventId).stream()
                .filter(invite -> !invite.wall())
                .map(invite -> invite.toView(webClient))
                .toList();
    }

    /** Revoked invites stay listed (and answer 410), so a guest holding one learns why it stopped working. */
    public void revoke(String eventId, String code) {
        invites.revoke(InviteCode.parse(code)
                .filter(parsed -> parsed.eventId().equals(eventId))
                .orElseThrow(InviteNotFoundException::new));
    }

    /** The web client's origin links point at: the browser's, when it is one the API serves, else the first. */
    public String webClientFor(String origin) {
        return webClient(origin);
    }

    /**
     * Makes the user a member with the invite's role. A member already (an owner opening their own link, a second
     * click) keeps their role, and no use is counted.
     */
    public AcceptedInvite accept(String code, String userId, String displayName, Instant now) {
        InviteCode parsed = InviteCode.parse(code).orElseThrow(InviteNotFoundException::new);
        for (int attempt = 1; ; attempt++) {
            Optional<Membership> member = members.membership(parsed.eventId(), userId);
            InviteItem invite = invites.find(parsed).orElseThrow(InviteNotFoundException::new);
            if (!invite.signInRequired()) {
                throw new InvalidRequestException(
                        "code", "this is a guest link: start a guest session (POST /invites/{code}/guest-sessions)");
            }
            if (member.isPresent()) {
                return new AcceptedInvite(
                        parsed.eventId(), invite.eventName(), member.get().role(), true);
            }
            invite.unusableAt(now).ifPresent(unusable -> {
                throw unusable;
            });
            try {
                invites.accept(
                        invite,
                        new MemberItem(
                                parsed.eventId(),
                                invite.eventName(),
                                userId,
                                displayName,
                                invite.role(),
                                formatTime(now)),
                        now);
                return new AcceptedInvite(parsed.eventId(), invite.eventName(), invite.role(), false);
            } catch (ConcurrentChangeException collided) {
                // the same user accepting twice at once, or another accept at the same moment: look again
                if (attempt == ATTEMPTS) {
                    throw new ConcurrentChangeException("too many guests are accepting this invite at once; try again");
                }
                pause(attempt);
            }
        }
    }

    /**
     * Links point at the web client the owner is using (the browser's Origin, when it is one of the allowed
     * origins), else at the first allowed origin (a call from curl or a script).
     */
    private String webClient(String origin) {
        List<String> allowed = config.allowedOrigins();
        String base = origin != null && allowed.contains(origin) ? origin : allowed.get(0);
        return base.replaceAll("/+$", "");
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConcurrentChangeException("interrupted while accepting the invite; try again");
        }
    }
}
