package com.eventphotos.processor;

/** A permanent problem with one object: retrying will not help, so the record is rejected and the rest go on. */
public class RejectedUploadException extends Exception {

    public RejectedUploadException(String reason) {
        super(reason);
    }
}
