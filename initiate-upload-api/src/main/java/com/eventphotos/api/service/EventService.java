package com.eventphotos.api.service;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import com.eventphotos.api.domain.EventNotFoundException;
import com.eventphotos.api.domain.Membership;
import com.eventphotos.api.domain.Role;
import com.eventphotos.api.model.CreateEventRequest;
import com.eventphotos.api.model.EventView;
import com.eventphotos.api.repository.EventItem;
import com.eventphotos.api.repository.EventRepository;
import com.eventphotos.api.repository.MemberItem;
import com.eventphotos.api.repository.MemberRepository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import static com.eventphotos.contract.PhotoTable.formatTime;

/** Events: creating one (its creator its first owner), the caller's events, one event. */
@ApplicationScoped
public class EventService {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EventRepository events;

    @Inject
    MemberRepository members;

    /** The caller becomes the event's OWNER; the id is generated when the request names none. */
    public EventView create(CreateEventRequest request, String owner, String ownerName, Instant now) {
        String eventId = request.eventId() != null ? request.eventId() : generatedId();
        String name = request.name().strip();
        String at = formatTime(now);
        events.create(
                new EventItem(eventId, name, at, owner, 1, 0),
                new MemberItem(eventId, name, owner, ownerName, Role.OWNER, at));
        return new EventView(eventId, name, Role.OWNER);
    }

    public List<EventView> eventsOf(String userId) {
        return members.ofUser(userId).stream().map(MemberItem::toEvent).toList();
    }

    public EventView get(Membership membership) {
        return events.find(membership.eventId())
                .map(event -> new EventView(event.eventId(), event.name(), membership.role()))
                .orElseThrow(() -> new EventNotFoundException(membership.eventId()));
    }

    /** 12 URL-safe characters (72 random bits): unguessable enough that ids do not reveal how many events exist. */
    private static String generatedId() {
        byte[] bytes = new byte[9];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
