package com.eventphotos.api.photos;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.eventphotos.api.error.InvalidRequestException;
import com.eventphotos.contract.PhotoTable;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The opaque {@code nextToken}: where the next page of one event's listing starts. It carries a digest,
 * so any edit is detected and answered with 400 rather than reaching DynamoDB. It is a position, not a
 * credential: it only ever reads the event it was issued for, which the caller may list anyway.
 */
final class PageToken {

    private static final String VERSION = "v1";
    private static final Pattern POSITION =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z#([0-9a-f-]{36})");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int DIGEST_BYTES = 12;

    private PageToken() {}

    /** @param lastEvaluatedKey DynamoDB's LastEvaluatedKey of a query on the upload-time index */
    static String encode(String eventId, Map<String, AttributeValue> lastEvaluatedKey) {
        String payload = VERSION + "\n" + eventId + "\n"
                + lastEvaluatedKey.get(PhotoTable.UPLOADED_AT_PHOTO_ID).s();
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(digest(bytes));
    }

    /** @return the ExclusiveStartKey to continue the listing of {@code eventId} */
    static Map<String, AttributeValue> decode(String token, String eventId) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 2) {
            throw invalid();
        }
        byte[] payload;
        byte[] digest;
        try {
            payload = DECODER.decode(parts[0]);
            digest = DECODER.decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!MessageDigest.isEqual(digest, digest(payload))) {
            throw invalid();
        }
        String[] fields = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
        if (fields.length != 3 || !fields[0].equals(VERSION)) {
            throw invalid();
        }
        if (!fields[1].equals(eventId)) {
            throw new InvalidRequestException("nextToken", "belongs to another event's listing");
        }
        Matcher position = POSITION.matcher(fields[2]);
        if (!position.matches()) {
            throw invalid();
        }
        return Map.of(
                PhotoTable.EVENT_ID, AttributeValue.fromS(eventId),
                PhotoTable.PHOTO_ID,
                        AttributeValue.fromS(UUID.fromString(position.group(1)).toString()),
                PhotoTable.UPLOADED_AT_PHOTO_ID, AttributeValue.fromS(fields[2]));
    }

    private static InvalidRequestException invalid() {
        return new InvalidRequestException(
                "nextToken", "is not one this API issued; pass it back unchanged or omit it");
    }

    private static byte[] digest(byte[] payload) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update("event-photos/page-token".getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(sha256.digest(payload), DIGEST_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
