package com.eventphotos.api.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.eventphotos.api.UploadApiConfig;
import com.eventphotos.api.domain.Listing;
import com.eventphotos.api.domain.PhotoNotFoundException;
import com.eventphotos.api.dynamo.Transactions;
import com.eventphotos.api.storage.PhotoStorage;
import com.eventphotos.contract.PhotoRecord;
import com.eventphotos.contract.PhotoStatus;
import com.eventphotos.contract.PhotoTable;
import com.eventphotos.contract.PhotoTombstones;
import com.eventphotos.contract.Renditions;
import com.eventphotos.contract.ReviewStatus;
import com.eventphotos.contract.UploadKey;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import static com.eventphotos.contract.PhotoTable.EVENT_ID;
import static com.eventphotos.contract.PhotoTable.HIDDEN;
import static com.eventphotos.contract.PhotoTable.PHOTO_ID;
import static com.eventphotos.contract.PhotoTable.REVIEW_STATUS;
import static com.eventphotos.contract.PhotoTable.STATUS;
import static com.eventphotos.contract.PhotoTable.UPLOADED_AT_PHOTO_ID;
import static com.eventphotos.contract.PhotoTable.UPLOADED_BY;
import static com.eventphotos.contract.PhotoTable.VISIBLE_UPLOADED_AT_PHOTO_ID;

/**
 * Reads the photo records the processor writes (schema: {@link com.eventphotos.contract.PhotoTable}), and changes the
 * two things members may change: hidden or not, and deleted.
 */
@ApplicationScoped
public class PhotoRepository {

    @Inject
    DynamoDbClient dynamo;

    @Inject
    PhotoStorage storage;

    @Inject
    UploadApiConfig config;

    /**
     * A page of records, and the key to start the next page at (null on the last page).
     *
     * @param lastKey DynamoDB's LastEvaluatedKey
     */
    public record RecordPage(List<PhotoRecord> records, Map<String, AttributeValue> lastKey) {}

    /**
     * READY photos of the event, newest first, from the sparse index that holds exactly {@code listing}.
     *
     * @param startKey where the page starts (null: at the newest)
     * @param uploadedBy the caller, for {@link Listing#MINE}
     */
    public RecordPage listReady(
            String eventId, Listing listing, int limit, Map<String, AttributeValue> startKey, String uploadedBy) {
        Map<String, String> names = new HashMap<>(Map.of("#eventId", EVENT_ID));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":eventId", AttributeValue.fromS(eventId)));
        String filter =
                switch (listing) {
                    case MINE -> {
                        names.put("#uploadedBy", UPLOADED_BY);
                        values.put(":me", AttributeValue.fromS(uploadedBy));
                        yield "#uploadedBy = :me";
                    }
                    case PENDING_REVIEW -> {
                        names.put("#review", REVIEW_STATUS);
                        values.put(":pending", AttributeValue.fromS(ReviewStatus.PENDING.name()));
                        yield "#review = :pending";
                    }
                    default -> null;
                };
        QueryResponse response = dynamo.query(query -> query.tableName(config.table())
                .indexName(listing.index())
                .keyConditionExpression("#eventId = :eventId")
                .filterExpression(filter)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .scanIndexForward(false)
                .limit(limit)
                .exclusiveStartKey(startKey));
        return new RecordPage(
                response.items().stream().map(PhotoRecord::fromItem).toList(),
                response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                        ? response.lastEvaluatedKey()
                        : null);
    }

    /** Any status, strongly consistent, so a client polling right after its upload sees the newest state. */
    public Optional<PhotoRecord> find(String eventId, UUID photoId) {
        Map<String, AttributeValue> item = dynamo.getItem(get ->
                        get.tableName(config.table()).consistentRead(true).key(key(eventId, photoId)))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(PhotoRecord.fromItem(item));
    }

    /**
     * Deletes a photo: first its record becomes a tombstone (and, for a photo that had a record, its place under the
     * event's cap is given back, in the same transaction), then its original and every rendition are removed from
     * the bucket. A retry after a failure half-way finds the tombstone and removes what is left, so calling it
     * again is always safe.
     *
     * @param record the photo's record, or empty for a photo not processed yet (a bare tombstone then stops the
     *     processor from ever listing it)
     * @param releaseUpload the write that gives the photo's place under the cap back
     * @return whether this call turned {@code record} into the tombstone (false on a repeat, or without a record)
     */
    public boolean delete(
            String eventId,
            UUID photoId,
            Optional<PhotoRecord> record,
            String deletedBy,
            Instant now,
            TransactWriteItem releaseUpload) {
        boolean alreadyDeleted =
                record.map(r -> r.status() == PhotoStatus.DELETED).orElse(false);
        boolean tombstonedRecord = false;
        if (!alreadyDeleted) {
            List<TransactWriteItem> writes = new ArrayList<>();
            writes.add(TransactWriteItem.builder()
                    .update(PhotoTombstones.byUser(config.table(), eventId, photoId, deletedBy, now))
                    .build());
            if (record.isPresent()) {
                writes.add(releaseUpload);
            }
            try {
                dynamo.transactWriteItems(t -> t.transactItems(writes));
                tombstonedRecord = record.isPresent();
            } catch (TransactionCanceledException e) {
                if (!Transactions.conditionFailed(e, 0)) {
                    throw e; // nothing was written: the objects stay until a retry succeeds
                }
                // another DELETE tombstoned it first: what is left to do is removing the objects, below
            }
        }
        record.ifPresent(this::deleteObjects);
        return tombstonedRecord;
    }

    /**
     * What one write did to a photo, for its event's viewers: whether they saw it before, and its record after
     * (empty once deleted).
     */
    public record PhotoChange(boolean wasVisible, Optional<PhotoRecord> after) {}

    /**
     * An owner approves a guest's photo: from now on members see it (unless it is hidden). Empty when it was
     * approved already (nothing written).
     *
     * @throws PhotoNotFoundException when there is no READY photo waiting for review
     */
    public Optional<PhotoChange> approve(String eventId, UUID photoId) {
        for (boolean hidden : new boolean[] {false, true}) {
            try {
                Map<String, AttributeValue> before = dynamo.updateItem(request -> request.tableName(config.table())
                                .key(key(eventId, photoId))
                                .updateExpression(
                                        hidden
                                                ? "SET #review = :approved"
                                                : "SET #review = :approved, #visible = #position")
                                .conditionExpression("#status = :ready AND #review = :pending AND "
                                        + (hidden ? "attribute_exists(#hidden)" : "attribute_not_exists(#hidden)"))
                                .expressionAttributeNames(
                                        hidden
                                                ? Map.of("#review", REVIEW_STATUS, "#status", STATUS, "#hidden", HIDDEN)
                                                : Map.of(
                                                        "#review", REVIEW_STATUS,
                                                        "#status", STATUS,
                                                        "#hidden", HIDDEN,
                                                        "#visible", VISIBLE_UPLOADED_AT_PHOTO_ID,
                                                        "#position", UPLOADED_AT_PHOTO_ID))
                                .expressionAttributeValues(Map.of(
                                        ":approved", AttributeValue.fromS(ReviewStatus.APPROVED.name()),
                                        ":pending", AttributeValue.fromS(ReviewStatus.PENDING.name()),
                                        ":ready", AttributeValue.fromS(PhotoStatus.READY.name())))
                                .returnValues(ReturnValue.ALL_OLD))
                        .attributes();
                return Optional.of(new PhotoChange(
                        PhotoTable.visibleToMembers(before),
                        Optional.of(PhotoRecord.fromItem(before).approved())));
            } catch (ConditionalCheckFailedException notThisCase) {
                // the other case, or nothing to approve
            }
        }
        find(eventId, photoId)
                .filter(record -> record.status() == PhotoStatus.READY)
                .filter(record -> record.reviewStatus() == ReviewStatus.APPROVED)
                .orElseThrow(() -> new PhotoNotFoundException(eventId, photoId.toString()));
        return Optional.empty();
    }

    /**
     * Hides a READY photo from everyone but the owners, or shows it again.
     *
     * @throws PhotoNotFoundException when there is no READY photo
     */
    public PhotoChange setHidden(String eventId, UUID photoId, boolean hidden) {
        Map<String, String> names =
                new HashMap<>(Map.of("#hidden", HIDDEN, "#visible", VISIBLE_UPLOADED_AT_PHOTO_ID, "#status", STATUS));
        Map<String, AttributeValue> values =
                new HashMap<>(Map.of(":ready", AttributeValue.fromS(PhotoStatus.READY.name())));
        String update;
        if (hidden) {
            update = "SET #hidden = :true REMOVE #visible";
            values.put(":true", AttributeValue.fromBool(true));
        } else {
            // back into the members' index at its old place
            update = "SET #visible = #position REMOVE #hidden";
            names.put("#position", UPLOADED_AT_PHOTO_ID);
        }
        String condition = "#status = :ready";
        if (!hidden) {
            // a photo still waiting for review stays out of the members' index when shown again
            condition += " AND (attribute_not_exists(#review) OR #review <> :pending)";
            names.put("#review", REVIEW_STATUS);
            values.put(":pending", AttributeValue.fromS(ReviewStatus.PENDING.name()));
        }
        String checked = condition;
        try {
            Map<String, AttributeValue> before = dynamo.updateItem(request -> request.tableName(config.table())
                            .key(key(eventId, photoId))
                            .updateExpression(update)
                            .conditionExpression(checked)
                            .expressionAttributeNames(names)
                            .expressionAttributeValues(values)
                            .returnValues(ReturnValue.ALL_OLD))
                    .attributes();
            return new PhotoChange(
                    PhotoTable.visibleToMembers(before),
                    Optional.of(PhotoRecord.fromItem(before).withHidden(hidden)));
        } catch (ConditionalCheckFailedException notReadyOrPending) {
            if (!hidden && showPendingAgain(eventId, photoId)) {
                return new PhotoChange(false, Optional.empty());
            }
            throw new PhotoNotFoundException(eventId, photoId.toString());
        }
    }

    /** A photo waiting for review shown again: owners see it as not hidden, members still do not see it. */
    private boolean showPendingAgain(String eventId, UUID photoId) {
        try {
            dynamo.updateItem(request -> request.tableName(config.table())
                    .key(key(eventId, photoId))
                    .updateExpression("REMOVE #hidden")
                    .conditionExpression("#status = :ready AND #review = :pending")
                    .expressionAttributeNames(Map.of("#hidden", HIDDEN, "#status", STATUS, "#review", REVIEW_STATUS))
                    .expressionAttributeValues(Map.of(
                            ":ready", AttributeValue.fromS(PhotoStatus.READY.name()),
                            ":pending", AttributeValue.fromS(ReviewStatus.PENDING.name()))));
            return true;
        } catch (ConditionalCheckFailedException notReady) {
            return false;
        }
    }

    /** The original and both encodings of every rendition; deleting a key that is already gone succeeds. */
    private void deleteObjects(PhotoRecord record) {
        Optional.ofNullable(record.s3Key()).flatMap(UploadKey::parse).ifPresent(upload -> {
            List<String> keys = new ArrayList<>(List.of(upload.toString()));
            keys.addAll(Renditions.keysOf(upload, record.renditions()));
            keys.forEach(storage::delete);
        });
    }

    private static Map<String, AttributeValue> key(String eventId, UUID photoId) {
        return Map.of(EVENT_ID, AttributeValue.fromS(eventId), PHOTO_ID, AttributeValue.fromS(photoId.toString()));
    }
}
