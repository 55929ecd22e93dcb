package com.eventphotos.api.domain;

/**
 * S3 refused to complete an upload in parts because another write to the photo's key was in progress (409
 * ConditionalRequestConflict of a write-once completion): the client asks again; if it keeps failing, it starts the
 * upload again.
 */
public class UploadConflictException extends ConflictException {

    public UploadConflictException() {
        super("another write to this photo is in progress: complete again in a moment; if this keeps happening, start"
                + " the upload again");
    }

    @Override
    public String code() {
        return "UPLOAD_CONFLICT";
    }
}
