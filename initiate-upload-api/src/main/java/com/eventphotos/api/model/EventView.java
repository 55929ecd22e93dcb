package com.eventphotos.api.model;

import com.eventphotos.api.domain.Role;

/** An event as one of its members sees it: with that member's role. */
public record EventView(String eventId, String name, Role role) {}
