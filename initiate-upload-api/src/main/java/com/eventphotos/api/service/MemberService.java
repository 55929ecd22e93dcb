package com.eventphotos.api.service;

import java.util.List;

import com.eventphotos.api.domain.Role;
import com.eventphotos.api.model.MemberView;
import com.eventphotos.api.repository.MemberItem;
import com.eventphotos.api.repository.MemberRepository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** An event's members: listing them, changing a role, removing one; the event always keeps an owner. */
@ApplicationScoped
public class MemberService {

    @Inject
    MemberRepository members;

    public List<MemberView> members(String eventId) {
        return members.ofEvent(eventId).stream().map(MemberItem::toView).toList();
    }

    public MemberView changeRole(String eventId, String userId, Role role) {
        return members.changeRole(eventId, userId, role).toView();
    }

    public void remove(String eventId, String userId) {
        members.remove(eventId, userId);
    }
}
