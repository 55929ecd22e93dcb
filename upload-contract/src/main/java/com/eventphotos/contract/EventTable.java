package com.eventphotos.contract;

/**
 * The DynamoDB table of events, their members and their invites: the API alone reads and writes it (the processor
 * has no access). Item types share generic keys {@code pk}/{@code sk}:
 *
 * <pre>
 * item        pk                   sk                   serves
 * event       EVENT#{eventId}      EVENT                the event: name, owner count, uploads started (per-event cap)
 * member      EVENT#{eventId}      MEMBER#{userId}      one user's role in the event; all members of an event
 * invite      EVENT#{eventId}      INVITE#{secret}      one invite link: role, expiry, uses left; all invites of an event
 * guest       EVENT#{eventId}      GUEST#{guestId}      a guest session of a guest link: name, the link's secret, files
 *                                                       and bytes started (per-guest quotas); gone by TTL at its expiry
 * upload      EVENT#{eventId}      UPLOAD#{photoId}     a multipart upload: S3 upload id, who started it, size, part
 *                                                       size, part checksums; completedAt once completed (so a repeated
 *                                                       complete gets the same answer), gone once aborted or by TTL
 * GSI byMember partition memberPk = USER#{userId}, sort pk   the events a user belongs to (member items only)
 * </pre>
 *
 * An invite code is {@code {eventId}~{secret}}: the link names its event, so accepting it is a strongly consistent
 * read of one item and one transaction, no index lookup.
 */
public final class EventTable {

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String BY_MEMBER_INDEX = "byMember";
    /** {@code USER#{userId}} on member items only: the sparse partition key of {@link #BY_MEMBER_INDEX}. */
    public static final String MEMBER_PK = "memberPk";

    public static final String EVENT_ID = "eventId";
    public static final String NAME = "name";
    public static final String CREATED_AT = "createdAt";
    public static final String CREATED_BY = "createdBy";
    /** On the event item: how many members are OWNER, so the last owner can never be removed or demoted. */
    public static final String OWNER_COUNT = "ownerCount";
    /** On the event item: uploads started and not deleted, held below the per-event cap. */
    public static final String UPLOADS = "uploads";

    public static final String USER_ID = "userId";
    public static final String ROLE = "role";
    public static final String DISPLAY_NAME = "displayName";
    public static final String JOINED_AT = "joinedAt";

    public static final String EXPIRES_AT = "expiresAt";
    public static final String MAX_USES = "maxUses";
    public static final String USES = "uses";
    public static final String REVOKED = "revoked";
    /** On invites: false for a guest link (no account: guest sessions instead of members). */
    public static final String SIGN_IN_REQUIRED = "signInRequired";
    /** On guest links: whether guests see the event's photos, or only their own. */
    public static final String ALLOW_VIEW = "allowView";
    /** On guest links: whether an owner approves each guest photo before members see it. */
    public static final String REQUIRE_REVIEW = "requireReview";
    /** On an invite that is a wall's (a projector's view-only session), never a link anyone follows. */
    public static final String WALL = "wall";
    /** A wall invite's guest link (its code), the one the owner picked to show as a QR code on that wall. */
    public static final String WALL_GUEST_LINK = "wallGuestLink";
    /** On guest links and guest items: files (and on guests, bytes) started by guests, held below their quotas. */
    public static final String GUEST_FILES = "guestFiles";

    public static final String GUEST_BYTES = "guestBytes";
    public static final String GUEST_ID = "guestId";
    public static final String INVITE_SECRET = "inviteSecret";

    public static final String PHOTO_ID = "photoId";
    public static final String OBJECT_KEY = "objectKey";
    public static final String UPLOAD_ID = "uploadId";
    public static final String STARTED_BY = "startedBy";
    public static final String STARTED_AT = "startedAt";
    public static final String CONTENT_LENGTH = "contentLength";
    public static final String PART_SIZE = "partSize";
    public static final String PART_CHECKSUMS = "partChecksums";
    /** On an upload item: when S3 joined its parts; the item then only answers repeated completes. */
    public static final String COMPLETED_AT = "completedAt";
    /** Epoch seconds after which DynamoDB may delete the item (the table's TTL attribute). */
    public static final String TTL = "ttl";

    public static final String EVENT_SK = "EVENT";
    public static final String MEMBER_SK_PREFIX = "MEMBER#";
    public static final String INVITE_SK_PREFIX = "INVITE#";
    public static final String UPLOAD_SK_PREFIX = "UPLOAD#";
    public static final String GUEST_SK_PREFIX = "GUEST#";

    private EventTable() {}

    public static String eventPk(String eventId) {
        return "EVENT#" + eventId;
    }

    public static String memberSk(String userId) {
        return MEMBER_SK_PREFIX + userId;
    }

    public static String uploadSk(java.util.UUID photoId) {
        return UPLOAD_SK_PREFIX + photoId;
    }

    public static String guestSk(java.util.UUID guestId) {
        return GUEST_SK_PREFIX + guestId;
    }

    public static String inviteSk(String secret) {
        return INVITE_SK_PREFIX + secret;
    }

    public static String userPk(String userId) {
        return "USER#" + userId;
    }

    /** The event id of an event-keyed item's {@code pk}. */
    public static String eventIdOf(String pk) {
        return pk.substring("EVENT#".length());
    }
}
