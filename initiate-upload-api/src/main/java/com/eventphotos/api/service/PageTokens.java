package com.eventphotos.api.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.eventphotos.api.UploadApiConfig;
import com.eventphotos.api.domain.Listing;
import com.eventphotos.api.error.InvalidRequestException;
import com.eventphotos.contract.PhotoTable;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Issues and checks the opaque {@code nextToken}: where the next page of one event's listing starts. The token
 * carries an HMAC-SHA256 under a key only the API knows ({@code event-photos.page-token-key}), over the event id
 * and the position, so a token cannot be made by hand, edited, or replayed against another event: anything but
 * a token this API issued for this event is a 400 and never reaches DynamoDB.
 */
@ApplicationScoped
public class PageTokens {

    /** Tokens this API issues are under 150 characters; anything far longer is refused unread. */
    static final int MAX_TOKEN_LENGTH = 512;

    static final int MIN_KEY_LENGTH = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final String VERSION = "v3";
    private static final int MAC_BYTES = 16;
    private static final Pattern POSITION = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z#([0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12})");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    @Inject
    PageTokens(UploadApiConfig config) {
        this(config.pageTokenKey());
    }

    PageTokens(String key) {
        if (key.length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException("event-photos.page-token-key must be at least " + MIN_KEY_LENGTH
                    + " characters of random data (EVENT_PHOTOS_PAGE_TOKEN_KEY)");
        }
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** @param lastEvaluatedKey DynamoDB's LastEvaluatedKey of a query on {@code listing}'s index */
    public String issue(String eventId, Listing listing, Map<String, AttributeValue> lastEvaluatedKey) {
        String position = lastEvaluatedKey.get(listing.sortKey()).s();
        byte[] payload = (VERSION + "\n" + position).getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(eventId, listing, payload));
    }

    /**
     * @return the ExclusiveStartKey to continue {@code listing} of {@code eventId}; a token of the other listing
     *     (an owner's, with hidden photos) does not verify
     */
    public Map<String, AttributeValue> startKey(String token, String eventId, Listing listing) {
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw invalid();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 2) {
            throw invalid();
        }
        byte[] payload;
        byte[] mac;
        try {
            payload = DECODER.decode(parts[0]);
            mac = DECODER.decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        // Base64 leaves spare bits in a last character: only the one encoding this API issues is accepted.
        if (!ENCODER.encodeToString(payload).equals(parts[0])
                || !ENCODER.encodeToString(mac).equals(parts[1])) {
            throw invalid();
        }
        // The event id is inside the MAC, not the token: a token of another event simply does not verify.
        if (!MessageDigest.isEqual(mac, mac(eventId, listing, payload))) {
            throw invalid();
        }
        String[] fields = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
        Matcher position = fields.length == 2 && fields[0].equals(VERSION) ? POSITION.matcher(fields[1]) : null;
        if (position == null || !position.matches()) {
            throw invalid();
        }
        return Map.of(
                PhotoTable.EVENT_ID,
                AttributeValue.fromS(eventId),
                PhotoTable.PHOTO_ID,
                AttributeValue.fromS(UUID.fromString(position.group(1)).toString()),
                listing.sortKey(),
                AttributeValue.fromS(fields[1]));
    }

    private static InvalidRequestException invalid() {
        return new InvalidRequestException(
                "nextToken", "is not one this API issued for this event's listing; pass it back unchanged or omit it");
    }

    private byte[] mac(String eventId, Listing listing, byte[] payload) {
        try {
            Mac hmac = Mac.getInstance(ALGORITHM);
            hmac.init(key);
            hmac.update(eventId.getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) 0);
            hmac.update(listing.name().getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) 0);
            return Arrays.copyOf(hmac.doFinal(payload), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }
}
