package com.eventphotos.api.model;

import com.eventphotos.api.domain.Role;

/** One member of an event, as its owners see them. */
public record MemberView(String userId, String displayName, Role role, String joinedAt) {}
