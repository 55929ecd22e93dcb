package com.eventphotos.contract.export;

/**
 * The DynamoDB table of export jobs: the API creates and reads them, the export worker claims and advances them (the
 * worker has no access to the events table, the API none to the worker's progress beyond reading it).
 *
 * <pre>
 * item     eventId (partition)  exportId (sort)   serves
 * job      {eventId}            {uuid}            one export: status, counts, archives, the worker's checkpoint
 * active   {eventId}            #active           which export of the event is QUEUED or RUNNING (at most one)
 * </pre>
 *
 * Every write the worker makes is conditional on holding the job's lease ({@link #LEASE_OWNER}, {@link
 * #LEASE_UNTIL}): two invocations that got the same message never build the same archive.
 */
public final class ExportTable {

    public static final String EVENT_ID = "eventId";
    public static final String EXPORT_ID = "exportId";
    /** The sort key of the item naming the event's running export; never a UUID, so never a job's. */
    public static final String ACTIVE = "#active";
    /** On the active item: the export it names. */
    public static final String ACTIVE_EXPORT_ID = "activeExportId";

    public static final String STATUS = "status";
    public static final String REQUESTED_BY = "requestedBy";
    public static final String CREATED_AT = "createdAt";
    public static final String STARTED_AT = "startedAt";
    public static final String FINISHED_AT = "finishedAt";
    /** Photos and bytes of originals in the export, once the worker has listed them. */
    public static final String PHOTOS = "photos";

    public static final String BYTES = "bytes";
    /** Bytes of originals already in finished parts of archives. */
    public static final String BYTES_DONE = "bytesDone";
    /** A list of {@code {key, bytes, photos, done}}, one per archive, in order. */
    public static final String ARCHIVES = "archives";
    /** The S3 key of the worker's plan (which photo goes where, under which name). */
    public static final String PLAN_KEY = "planKey";
    /** The worker's position in the current archive (see ExportCheckpoint). */
    public static final String CHECKPOINT = "checkpoint";

    public static final String ERROR = "error";

    /**
     * A string set: photos deleted (through the API) while the job was QUEUED or RUNNING. When the worker finishes it
     * withdraws the export if one of them is in the archives (see ExportWithdrawal).
     */
    public static final String DELETED_PHOTOS = "deletedPhotos";
    /**
     * A string set: planned photos that are not in the archives, because their originals were gone (deleted) when the
     * worker came to them. Written with each finished archive.
     */
    public static final String SKIPPED_PHOTOS = "skippedPhotos";
    /** When a WITHDRAWN export was withdrawn, and why (a short sentence for its owners). */
    public static final String WITHDRAWN_AT = "withdrawnAt";

    public static final String WITHDRAWN_REASON = "withdrawnReason";
    /** True once a WITHDRAWN export's archives and plan are deleted from the bucket. */
    public static final String OBJECTS_REMOVED = "objectsRemoved";

    public static final String LEASE_OWNER = "leaseOwner";
    /** Epoch milliseconds until which the lease's owner may write the job. */
    public static final String LEASE_UNTIL = "leaseUntil";
    /** Epoch seconds after which DynamoDB may delete the item (the table's TTL attribute). */
    public static final String TTL = "ttl";

    public static final String ARCHIVE_KEY = "key";
    public static final String ARCHIVE_BYTES = "bytes";
    public static final String ARCHIVE_PHOTOS = "photos";
    public static final String ARCHIVE_DONE = "done";

    private ExportTable() {}
}
