package com.eventphotos.processor.image;

/** The bytes are not an image libvips can decode (truncated, corrupt, or not the format they claim). */
public class UndecodableImageException extends Exception {

    public UndecodableImageException(String message) {
        super(message);
    }
}
