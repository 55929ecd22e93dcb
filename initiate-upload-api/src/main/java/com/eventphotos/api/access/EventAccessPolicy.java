package com.eventphotos.api.access;

import java.util.Optional;
import java.util.stream.Collectors;

import com.eventphotos.api.auth.Caller;
import com.eventphotos.api.domain.EventAccessDeniedException;
import com.eventphotos.api.domain.EventNotFoundException;
import com.eventphotos.api.domain.GuestSession;
import com.eventphotos.api.domain.Membership;
import com.eventphotos.api.domain.Permission;
import com.eventphotos.api.domain.Role;
import com.eventphotos.api.repository.MemberRepository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The one place that decides who may do what in which event; every endpoint asks it, none checks a role itself.
 * A caller who is not a member gets the same 404 as for an event that does not exist, so an event's existence stays
 * private to its members; a member whose role lacks the permission gets a 403 that names what is missing.
 */
@ApplicationScoped
public class EventAccessPolicy {

    @Inject
    MemberRepository members;

    @Inject
    Caller caller;

    @Inject
    GuestSessionCheck guestSessions;

    /** The caller's membership in the event, when its role grants {@code permission}. */
    public Membership require(String eventId, Permission permission) {
        return require(eventId, permission, false);
    }

    /**
     * As {@link #require}, but a guest's session is read afresh, not from the session check's cache: for the question
     * the live channels ask again and again of open subscriptions, so a revocation reaches them at once.
     */
    public Membership requireNow(String eventId, Permission permission) {
        return require(eventId, permission, true);
    }

    private Membership require(String eventId, Permission permission, boolean fresh) {
        Optional<GuestSession> guest = caller.guest();
        if (guest.isPresent()) {
            // a guest of another event, or asking for what guests may not do: the same 404 a stranger gets
            if (!guest.get().eventId().equals(eventId)
                    || !guest.get().permissions().contains(permission)) {
                throw new EventNotFoundException(eventId);
            }
            if (fresh) {
                guestSessions.requireFresh(guest.get());
            } else {
                guestSessions.require(guest.get());
            }
            return Membership.of(guest.get());
        }
        Membership membership =
                members.membership(eventId, caller.userId()).orElseThrow(() -> new EventNotFoundException(eventId));
        if (!membership.allows(permission)) {
            throw new EventAccessDeniedException(refusal(membership.role(), permission));
        }
        return membership;
    }

    /** Owners delete any photo; contributors only the ones they uploaded. */
    public void requireMayDelete(Membership membership, String uploadedBy) {
        if (membership.allows(Permission.DELETE_ANY_PHOTO)) {
            return;
        }
        if (membership.allows(Permission.DELETE_OWN_PHOTOS)
                && membership.userId().equals(uploadedBy)) {
            return;
        }
        if (membership.isGuest()) {
            throw new EventAccessDeniedException("as a guest you can delete only the photos you uploaded");
        }
        throw new EventAccessDeniedException(refusal(
                membership.role(),
                membership.allows(Permission.DELETE_OWN_PHOTOS)
                        ? Permission.DELETE_ANY_PHOTO
                        : Permission.DELETE_OWN_PHOTOS));
    }

    /** Any member may leave an event; removing someone else takes the right to manage members. */
    public void requireMayRemove(String eventId, String userId) {
        require(eventId, caller.userId().equals(userId) ? Permission.VIEW_PHOTOS : Permission.MANAGE_MEMBERS);
    }

    private static String refusal(Role role, Permission permission) {
        return "as " + role + " of this event you cannot " + permission.action() + ": that needs the "
                + Role.granting(permission).stream().map(Role::name).collect(Collectors.joining(" or "))
                + " role (missing permission " + permission + ")";
    }
}
