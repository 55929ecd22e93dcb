package com.eventphotos.contract;

/** An object's user metadata is missing, undecodable or inconsistent: it was not written by our upload URL. */
public class InvalidPhotoMetadataException extends Exception {

    public InvalidPhotoMetadataException(String message) {
        super(message);
    }
}
