package com.eventphotos.processor;

import java.time.Instant;

import com.eventphotos.contract.PhotoMetadata;

/** An object whose metadata, key and Content-Type agree: everything a READY record needs. */
public record UploadedPhoto(PhotoMetadata metadata, long size, Instant uploadedAt) {}
