package com.eventphotos.api.events;

/** One member of an event, as its owners see them. */
public record MemberView(String userId, String displayName, Role role, String joinedAt) {}
