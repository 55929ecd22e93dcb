package com.eventphotos.api.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What the wall page shows besides the photos: the event's name, and a guest link for its corner QR code. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WallPageView(String eventId, String eventName, String guestLink) {}
