package com.eventphotos.processor;

import java.util.Map;

import com.eventphotos.contract.PhotoRecord;
import com.eventphotos.contract.PhotoStatus;
import com.eventphotos.contract.PhotoTable;
import com.eventphotos.contract.UploadKey;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * A photo's original is written once (its upload URLs carry a signed {@code If-None-Match: *}), and its record
 * describes that one object. A second object can only appear under the key after the first was removed (a rejected
 * upload, a deleted photo) or by someone writing to the bucket directly: such a stranger is removed before anything
 * is rendered from it, so no byte a viewer can fetch ever differs from what the record (and the owner's approval)
 * describes. Asked before every ObjectCreated is processed.
 */
@ApplicationScoped
public class WriteOnceOriginals {

    /** What the photo's record says of the object now under its key. */
    public enum Verdict {
        /** No record yet: this is the photo's first object, process it. */
        FIRST,
        /** The record already describes this object (a repeated or late event): nothing to do. */
        RECORDED,
        /** The object was not the one the record describes: it is removed, unseen. */
        STRANGER_REMOVED,
        /** The photo was deleted: the late object is removed. */
        PHOTO_DELETED,
        /** Nothing is under the key any more. */
        GONE
    }

    private final DeletedPhotoCleaner cleaner;
    private final S3Client s3;
    private final ProcessorConfig config;

    WriteOnceOriginals(DeletedPhotoCleaner cleaner, S3Client s3, ProcessorConfig config) {
        this.cleaner = cleaner;
        this.s3 = s3;
        this.config = config;
    }

    public Verdict check(UploadKey upload) {
        Map<String, AttributeValue> item = cleaner.current(upload);
        if (item.isEmpty()) {
            return Verdict.FIRST;
        }
        PhotoStatus status = PhotoStatus.valueOf(item.get(PhotoTable.STATUS).s());
        if (status == PhotoStatus.DELETED) {
            remove(upload);
            return Verdict.PHOTO_DELETED;
        }
        if (status == PhotoStatus.REJECTED) {
            // the rejected object itself (a retry after the record was written) or one put there since: neither stays
            remove(upload);
            return Verdict.STRANGER_REMOVED;
        }
        String eTag;
        try {
            eTag = s3.headObject(head -> head.bucket(config.bucket()).key(upload.toString()))
                    .eTag();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Verdict.GONE;
            }
            throw e;
        }
        if (PhotoRecord.fromItem(item).describes(eTag)) {
            return Verdict.RECORDED;
        }
        remove(upload);
        return Verdict.STRANGER_REMOVED;
    }

    /** Renditions are not touched: they belong to the object the record describes (or are gone with the photo). */
    private void remove(UploadKey upload) {
        s3.deleteObject(delete -> delete.bucket(config.bucket()).key(upload.toString()));
    }

    /** For the log: what a verdict means. */
    static String reason(Verdict verdict) {
        return switch (verdict) {
            case FIRST -> "first object of the photo";
            case RECORDED -> "the record already describes this object";
            case STRANGER_REMOVED ->
                "a second object under a photo's key (uploads are write-once): removed, the record keeps the first";
            case PHOTO_DELETED -> "the photo was deleted: the late upload is removed";
            case GONE -> "object no longer exists";
        };
    }
}
