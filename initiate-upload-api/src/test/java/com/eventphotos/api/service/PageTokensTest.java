package com.eventphotos.api.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import com.eventphotos.api.domain.Listing;
import com.eventphotos.api.error.InvalidRequestException;
import com.eventphotos.contract.PhotoTable;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PageTokensTest {

    private static final String KEY = "k".repeat(PageTokens.MIN_KEY_LENGTH);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final UUID PHOTO = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
    private static final String POSITION = "2026-11-22T10:00:00.000Z#" + PHOTO;

    private final PageTokens tokens = new PageTokens(KEY);

    @Test
    void startKey_shouldContinueWhereTheIssuedTokenPointed_whenTokenIsForThisEvent() {
        String token = tokens.issue(
                "e1", Listing.ALL, Map.of(PhotoTable.UPLOADED_AT_PHOTO_ID, AttributeValue.fromS(POSITION)));

        Map<String, AttributeValue> start = tokens.startKey(token, "e1", Listing.ALL);

        assertEquals("e1", start.get(PhotoTable.EVENT_ID).s());
        assertEquals(PHOTO.toString(), start.get(PhotoTable.PHOTO_ID).s());
        assertEquals(POSITION, start.get(PhotoTable.UPLOADED_AT_PHOTO_ID).s());
    }

    @Test
    void startKey_shouldRefuse_whenTokenWasIssuedForAnotherEvent() {
        String token = tokens.issue(
                "e1", Listing.ALL, Map.of(PhotoTable.UPLOADED_AT_PHOTO_ID, AttributeValue.fromS(POSITION)));

        assertRefused(() -> tokens.startKey(token, "e2", Listing.ALL));
    }

    @Test
    void startKey_shouldRefuse_whenTokenWasIssuedForTheOwnersListingWithHiddenPhotos() {
        String ownersToken = tokens.issue(
                "e1", Listing.ALL, Map.of(PhotoTable.UPLOADED_AT_PHOTO_ID, AttributeValue.fromS(POSITION)));

        assertRefused(() -> tokens.startKey(ownersToken, "e1", Listing.VISIBLE));
    }

    @Test
    void startKey_shouldContinueOnTheMembersIndex_whenTokenIsForTheVisibleListing() {
        String token = tokens.issue(
                "e1", Listing.VISIBLE, Map.of(PhotoTable.VISIBLE_UPLOADED_AT_PHOTO_ID, AttributeValue.fromS(POSITION)));

        assertEquals(
                POSITION,
                tokens.startKey(token, "e1", Listing.VISIBLE)
                        .get(PhotoTable.VISIBLE_UPLOADED_AT_PHOTO_ID)
                        .s());
    }

    @Test
    void startKey_shouldRefuse_whenTokenWasIssuedUnderAnotherKey() {
        PageTokens otherDeployment = new PageTokens("x".repeat(PageTokens.MIN_KEY_LENGTH));
        String token = otherDeployment.issue(
                "e1", Listing.ALL, Map.of(PhotoTable.UPLOADED_AT_PHOTO_ID, AttributeValue.fromS(POSITION)));

        assertRefused(() -> tokens.startKey(token, "e1", Listing.ALL));
    }

    @Test
    void startKey_shouldRefuse_whenTokenIsRecomputedWithThePublicUnkeyedDigestOfVersion1() throws Exception {
        byte[] payload = ("v1\ne1\n2026-11-22T10:00:00.000Z#" + "-".repeat(36)).getBytes(StandardCharsets.UTF_8);
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update("event-photos/page-token".getBytes(StandardCharsets.UTF_8));
        String forged =
                B64.encodeToString(payload) + "." + B64.encodeToString(Arrays.copyOf(sha256.digest(payload), 12));

        assertRefused(() -> tokens.startKey(forged, "e1", Listing.ALL));
    }

    @Test
    void startKey_shouldRefuse_whenAnAuthenticTokenCarriesAMalformedPosition() {
        // Only a leaked key could make such a token; it must still be a 400, never an exception from UUID parsing.
        String dashes = tokens.issue(
                "e1",
                Listing.ALL,
                Map.of(
                        PhotoTable.UPLOADED_AT_PHOTO_ID,
                        AttributeValue.fromS("2026-11-22T10:00:00.000Z#" + "-".repeat(36))));

        assertRefused(() -> tokens.startKey(dashes, "e1", Listing.ALL));
    }

    @Test
    void startKey_shouldRefuse_whenOnlyTheSpareBitsOfTheLastCharacterWereChanged() {
        String token = tokens.issue(
                "e1", Listing.ALL, Map.of(PhotoTable.UPLOADED_AT_PHOTO_ID, AttributeValue.fromS(POSITION)));
        // 16 MAC bytes are 22 Base64 characters; the last carries 2 bits and 4 spare zero bits (it is A, Q, g or w),
        // so the next character of the alphabet decodes to the very same bytes
        char last = token.charAt(token.length() - 1);
        assertEquals(true, "AQgw".indexOf(last) >= 0, token);
        String respelled = token.substring(0, token.length() - 1) + (char) (last + 1);
        assertEquals(
                Arrays.toString(Base64.getUrlDecoder().decode(token.split("\\.")[1])),
                Arrays.toString(Base64.getUrlDecoder().decode(respelled.split("\\.")[1])),
                "the respelled token must decode to the same MAC");

        assertRefused(() -> tokens.startKey(respelled, "e1", Listing.ALL));
    }

    @Test
    void startKey_shouldRefuseUnread_whenTokenIsFarLongerThanAnyIssued() {
        assertRefused(() -> tokens.startKey("A".repeat(PageTokens.MAX_TOKEN_LENGTH + 1), "e1", Listing.ALL));
    }

    @Test
    void startKey_shouldRefuse_whenTokenIsNotTwoBase64Parts() {
        for (String bad : new String[] {"", ".", "a.b.c", "!!!.???", "garbage", "\u0000.\u0000"}) {
            assertRefused(() -> tokens.startKey(bad, "e1", Listing.ALL));
        }
    }

    @Test
    void constructor_shouldFail_whenKeyIsShorterThan32Characters() {
        assertThrows(IllegalStateException.class, () -> new PageTokens("short"));
    }

    private static void assertRefused(Executable decode) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, decode);
        assertEquals("nextToken", e.field());
    }
}
