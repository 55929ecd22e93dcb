package com.eventphotos.contract;

/** One stored rendition of a photo: where it is, what the CDN URL is, its pixel size and its bytes. */
public record Rendition(String s3Key, String url, int width, int height, long bytes) {}
