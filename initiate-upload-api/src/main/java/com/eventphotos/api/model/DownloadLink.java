package com.eventphotos.api.model;

import java.net.URI;
import java.time.Instant;

/** A presigned link that downloads one file, valid until {@code expiresAt}. */
public record DownloadLink(URI url, Instant expiresAt) {}
