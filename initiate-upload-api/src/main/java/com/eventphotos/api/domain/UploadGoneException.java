package com.eventphotos.api.domain;

/** An upload in parts S3 no longer holds (aborted), or that started too long ago to be completed. */
public class UploadGoneException extends GoneException {

    public UploadGoneException(String message) {
        super(message);
    }
}
