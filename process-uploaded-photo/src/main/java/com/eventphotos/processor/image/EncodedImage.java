package com.eventphotos.processor.image;

/**
 * One rendition, encoded twice: as JPEG (every browser) and as WebP (smaller, where the browser takes it), with how
 * long each encode took.
 */
public record EncodedImage(int width, int height, byte[] jpeg, byte[] webp, long jpegNanos, long webpNanos) {}
