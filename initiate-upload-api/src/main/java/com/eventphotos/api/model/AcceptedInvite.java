package com.eventphotos.api.model;

import com.eventphotos.api.domain.Role;

/** The answer to accepting an invite: the event joined, and the role held there now. */
public record AcceptedInvite(String eventId, String name, Role role, boolean alreadyMember) {}
