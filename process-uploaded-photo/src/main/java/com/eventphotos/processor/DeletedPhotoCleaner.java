package com.eventphotos.processor;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import com.eventphotos.contract.PhotoRecord;
import com.eventphotos.contract.PhotoStatus;
import com.eventphotos.contract.PhotoTable;
import com.eventphotos.contract.PhotoTombstones;
import com.eventphotos.contract.Rendition;
import com.eventphotos.contract.Renditions;
import com.eventphotos.contract.UploadKey;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.s3.S3Client;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Finishes what a deletion leaves to the event-driven side: when an upload's original is removed (the API's DELETE,
 * or anyone with access to the bucket), its record becomes a tombstone, its renditions go, and the CDN forgets them.
 * It also removes what processing stored for a photo that was deleted while it was being processed.
 */
@ApplicationScoped
public class DeletedPhotoCleaner {

    private final DynamoDbClient dynamo;
    private final S3Client s3;
    private final ProcessorConfig config;
    private final CdnInvalidator cdn;
    private final Clock clock = Clock.systemUTC();

    DeletedPhotoCleaner(DynamoDbClient dynamo, S3Client s3, ProcessorConfig config, CdnInvalidator cdn) {
        this.dynamo = dynamo;
        this.s3 = s3;
        this.config = config;
        this.cdn = cdn;
    }

    /**
     * An upload's original was removed. A READY photo (or one not processed yet) becomes a tombstone; a tombstone
     * stays one. Either way its renditions are removed and invalidated.
     *
     * @return false when there is nothing to clean up: the original of a REJECTED upload, which the processor itself
     *     removed
     */
    public boolean onOriginalRemoved(UploadKey upload) {
        Map<String, AttributeValue> before;
        try {
            before = dynamo.updateItem(PhotoTombstones.toRequest(PhotoTombstones.onObjectRemoved(
                                    config.table(), upload.eventId(), upload.photoId(), clock.instant()))
                            .toBuilder()
                            .returnValues(ReturnValue.ALL_OLD)
                            .build())
                    .attributes();
        } catch (ConditionalCheckFailedException notReady) {
            before = current(upload);
            if (before.isEmpty()
                    || !PhotoStatus.DELETED
                            .name()
                            .equals(before.get(PhotoTable.STATUS).s())) {
                return false;
            }
        }
        List<Rendition> renditions = before == null || before.isEmpty()
                ? List.of()
                : PhotoRecord.fromItem(before).renditions();
        removeRenditions(upload, renditions);
        cdn.invalidate(upload, "deleted-" + upload.photoId());
        return true;
    }

    /** True when the photo's record is a tombstone: it was deleted, whatever S3 event arrives now. */
    public boolean isDeleted(UploadKey upload) {
        Map<String, AttributeValue> item = current(upload);
        return !item.isEmpty()
                && PhotoStatus.DELETED.name().equals(item.get(PhotoTable.STATUS).s());
    }

    /** Removes what processing stored for a photo deleted in the meantime: its renditions and its original. */
    public void removeLateUpload(UploadKey upload, List<Rendition> renditions) {
        removeRenditions(upload, renditions);
        s3.deleteObject(delete -> delete.bucket(config.bucket()).key(upload.toString()));
    }

    private void removeRenditions(UploadKey upload, List<Rendition> renditions) {
        Renditions.keysOf(upload, renditions)
                .forEach(key ->
                        s3.deleteObject(delete -> delete.bucket(config.bucket()).key(key)));
    }

    /** The photo's record item as it is now (consistent read), empty when it has none. */
    Map<String, AttributeValue> current(UploadKey upload) {
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(config.table())
                        .consistentRead(true)
                        .key(Map.of(
                                PhotoTable.EVENT_ID, AttributeValue.fromS(upload.eventId()),
                                PhotoTable.PHOTO_ID,
                                        AttributeValue.fromS(upload.photoId().toString()))))
                .item();
        return item == null ? Map.of() : item;
    }
}
