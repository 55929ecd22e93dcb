package com.eventphotos.api.model;

/** A part S3 already holds, with the ETag to name it by when completing. */
public record UploadedPart(int partNumber, long size, String etag) {}
