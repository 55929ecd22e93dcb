package com.eventphotos.contract;

/**
 * One stored rendition of a photo, in two encodings of the same pixels: a JPEG (where it is, its CDN URL, its
 * bytes) and a WebP ({@code webpUrl}, {@code webpBytes}; its key is {@link Renditions#webpKey} of the JPEG's).
 */
public record Rendition(String s3Key, String url, int width, int height, long bytes, String webpUrl, long webpBytes) {}
