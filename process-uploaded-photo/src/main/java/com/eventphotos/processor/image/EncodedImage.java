package com.eventphotos.processor.image;

/** One encoded output image and its pixel size. */
public record EncodedImage(int width, int height, byte[] bytes) {}
