package com.eventphotos.api.model;

import java.util.List;

/** A whole listing (events, members, invites): small by nature, and bounded server-side, so it is not paged. */
public record Listed<T>(List<T> items) {}
