package com.eventphotos.api.service;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.eventphotos.api.UploadApiConfig;
import com.eventphotos.api.domain.EventAccessDeniedException;
import com.eventphotos.api.domain.UploadConflictException;
import com.eventphotos.api.domain.UploadGoneException;
import com.eventphotos.api.domain.UploadNotFoundException;
import com.eventphotos.api.error.InvalidRequestException;
import com.eventphotos.api.model.CompleteUploadRequest.Part;
import com.eventphotos.api.model.CompletedUpload;
import com.eventphotos.api.model.MultipartUploadView;
import com.eventphotos.api.repository.MultipartSession;
import com.eventphotos.api.repository.MultipartUploadRepository;
import com.eventphotos.api.storage.InMemoryPhotoStorage;
import com.eventphotos.api.storage.PhotoStorage.CompletionConflictException;
import com.eventphotos.api.storage.PhotoStorage.PartsRefusedException;
import com.eventphotos.api.storage.PhotoStorage.StoredPart;
import com.eventphotos.contract.MultipartUploads;
import com.eventphotos.contract.PhotoContentType;
import com.eventphotos.contract.UploadKey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules of uploads in parts against a bucket in memory (no Quarkus, no S3 server): which parts complete an upload,
 * what expiry and the bucket's 412 and 409 answers turn into. {@code MultipartUploadTest} runs the same flows against a
 * real S3 server.
 */
class MultipartUploadRulesTest {

    private static final long PART = MultipartUploads.MIN_PART_SIZE;
    private static final long MAX = 25L * 1024 * 1024;
    private static final String EVENT = "summer-party";
    private static final String ALICE = "alice";
    private static final String CHECKSUM = "A".repeat(43) + "=";
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private final InMemoryPhotoStorage storage = new InMemoryPhotoStorage();
    private final Sessions sessions = new Sessions();
    private final MultipartUploadService service = new MultipartUploadService();

    @BeforeEach
    void wire() {
        service.storage = storage;
        service.sessions = sessions;
        service.config = config(PART, MAX);
        service.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Test
    void complete_withEveryPart_shouldJoinThemIntoThePhoto() {
        MultipartSession session = started(2 * PART + 100);
        List<Part> parts = putAll(session);

        CompletedUpload done = service.complete(EVENT, id(session), parts, ALICE);

        assertEquals(
                new CompletedUpload(session.photoId(), session.key().toString(), 2 * PART + 100, "PROCESSING"), done);
        assertEquals(
                2 * PART + 100, storage.objectSize(session.key().toString()).getAsLong());
        assertTrue(sessions.get(session).completed());
    }

    @Test
    void complete_repeated_shouldAnswerTheSame() {
        MultipartSession session = started(PART + 1);
        List<Part> parts = putAll(session);
        CompletedUpload first = service.complete(EVENT, id(session), parts, ALICE);

        assertEquals(first, service.complete(EVENT, id(session), parts, ALICE));
    }

    @Test
    void complete_withAPartNotUploaded_shouldBe400NamingIt() {
        MultipartSession session = started(2 * PART + 100);
        StoredPart first = storage.putPart(session.uploadId(), 1, PART);
        List<Part> parts = List.of(new Part(1, first.etag()), new Part(2, "\"nothing\""), new Part(3, "\"nothing\""));

        InvalidRequestException e =
                assertThrows(InvalidRequestException.class, () -> service.complete(EVENT, id(session), parts, ALICE));

        assertEquals("parts", e.field());
        assertTrue(e.getMessage().contains("part 2 has not been uploaded"), e.getMessage());
        assertTrue(storage.holdsUpload(session.uploadId()), "a bad request leaves the upload to finish");
    }

    @Test
    void complete_withAPartOfTheWrongSize_shouldBe400_asIfItWasNotUploaded() {
        MultipartSession session = started(PART + 100);
        StoredPart first = storage.putPart(session.uploadId(), 1, PART);
        StoredPart last = storage.putPart(session.uploadId(), 2, 99); // its URL allows exactly 100 bytes

        InvalidRequestException e = assertThrows(
                InvalidRequestException.class,
                () -> service.complete(
                        EVENT, id(session), List.of(new Part(1, first.etag()), new Part(2, last.etag())), ALICE));

        assertTrue(e.getMessage().contains("part 2 has not been uploaded"), e.getMessage());
    }

    @Test
    void complete_withAWrongETag_shouldBe400() {
        MultipartSession session = started(PART + 100);
        List<Part> parts = new ArrayList<>(putAll(session));
        parts.set(1, new Part(2, "\"another\""));

        InvalidRequestException e =
                assertThrows(InvalidRequestException.class, () -> service.complete(EVENT, id(session), parts, ALICE));

        assertTrue(e.getMessage().contains("part 2: the ETag does not match"), e.getMessage());
    }

    @Test
    void complete_withETagsQuotedOrNot_shouldMatch() {
        MultipartSession session = started(PART + 100);
        List<Part> parts = putAll(session).stream()
                .map(part -> new Part(part.partNumber(), part.etag().replace("\"", "")))
                .toList();

        assertEquals(
                "PROCESSING", service.complete(EVENT, id(session), parts, ALICE).status());
    }

    @Test
    void complete_withPartsMissingOrOutOfOrder_shouldBe400() {
        MultipartSession session = started(2 * PART + 100);
        List<Part> parts = putAll(session);

        for (List<Part> wrong : List.<List<Part>>of(
                parts.subList(0, 2), List.of(parts.get(1), parts.get(0), parts.get(2)), List.of())) {
            InvalidRequestException e = assertThrows(
                    InvalidRequestException.class, () -> service.complete(EVENT, id(session), wrong, ALICE));
            assertTrue(e.getMessage().contains("must list parts 1 to 3 in order"), e.getMessage());
        }
    }

    @Test
    void complete_aboveTheSizeLimit_shouldBe400_evenWhenStartedBelowIt() {
        MultipartSession session = started(2 * PART + 100);
        List<Part> parts = putAll(session);
        service.config = config(PART, 2 * PART); // lowered since the upload started

        InvalidRequestException e =
                assertThrows(InvalidRequestException.class, () -> service.complete(EVENT, id(session), parts, ALICE));

        assertTrue(e.getMessage().contains("the parts hold " + (2 * PART + 100) + " bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("may be at most " + 2 * PART), e.getMessage());
    }

    @Test
    void complete_afterTheUploadExpired_shouldBe410_andAbortIt() {
        MultipartSession session = started(PART + 100);
        List<Part> parts = putAll(session);
        service.clock = Clock.fixed(session.completeBy(), ZoneOffset.UTC);

        assertThrows(UploadGoneException.class, () -> service.complete(EVENT, id(session), parts, ALICE));

        assertFalse(storage.holdsUpload(session.uploadId()));
        assertEquals(List.of(session.uploadId()), storage.aborted());
        assertEquals(List.of(new Removal(session.photoId(), true)), sessions.removals);
    }

    @Test
    void status_afterTheUploadExpired_shouldBe410() {
        MultipartSession session = started(PART + 100);
        service.clock = Clock.fixed(session.completeBy().plusSeconds(1), ZoneOffset.UTC);

        assertThrows(UploadGoneException.class, () -> service.status(EVENT, id(session), ALICE));
        assertEquals(List.of(new Removal(session.photoId(), true)), sessions.removals);
    }

    @Test
    void complete_whenTheKeyHoldsThePhotoAlready_shouldAbortTheParts_andAnswerTheSame() {
        MultipartSession session = started(PART + 100);
        List<Part> parts = putAll(session);
        storage.putObject(session.key().toString(), PART + 100); // 412: the same upload was joined before

        CompletedUpload done = service.complete(EVENT, id(session), parts, ALICE);

        assertEquals("PROCESSING", done.status());
        assertEquals(List.of(session.uploadId()), storage.aborted());
        assertTrue(sessions.get(session).completed());
    }

    @Test
    void complete_whenTheKeyHoldsAnotherObject_shouldBe410_andLeaveItAlone() {
        MultipartSession session = started(PART + 100);
        List<Part> parts = putAll(session);
        storage.putObject(session.key().toString(), 42); // 412: write-once, the first object stays

        assertThrows(UploadGoneException.class, () -> service.complete(EVENT, id(session), parts, ALICE));

        assertEquals(42, storage.objectSize(session.key().toString()).getAsLong());
        assertEquals(List.of(session.uploadId()), storage.aborted());
        assertEquals(List.of(new Removal(session.photoId(), false)), sessions.removals);
    }

    @Test
    void complete_whenTheBucketAnswers409_shouldBe409_andKeepTheUpload() {
        MultipartSession session = started(PART + 100);
        List<Part> parts = putAll(session);
        storage.failNextCompletion(new CompletionConflictException());

        assertThrows(UploadConflictException.class, () -> service.complete(EVENT, id(session), parts, ALICE));

        assertTrue(storage.holdsUpload(session.uploadId()));
        assertEquals(List.of(), sessions.removals);
        assertEquals(
                "PROCESSING", service.complete(EVENT, id(session), parts, ALICE).status());
    }

    @Test
    void complete_whenTheBucketRefusesTheParts_shouldBe400WithItsReason() {
        MultipartSession session = started(PART + 100);
        List<Part> parts = putAll(session);
        storage.failNextCompletion(new PartsRefusedException("Your proposed upload is smaller than the minimum"));

        InvalidRequestException e =
                assertThrows(InvalidRequestException.class, () -> service.complete(EVENT, id(session), parts, ALICE));

        assertEquals(
                "S3 refused to complete the upload: Your proposed upload is smaller than the minimum", e.getMessage());
    }

    @Test
    void complete_afterALostAnswer_shouldFindThePhoto_andAnswerTheSame() {
        MultipartSession session = started(PART + 100);
        List<Part> parts = putAll(session);
        storage.discard(session.uploadId()); // joined, but the answer never came back
        storage.putObject(session.key().toString(), PART + 100);

        assertEquals(
                "PROCESSING", service.complete(EVENT, id(session), parts, ALICE).status());
        assertTrue(sessions.get(session).completed());
    }

    @Test
    void complete_ofAnAbortedUpload_shouldBe410_andForgetIt() {
        MultipartSession session = started(PART + 100);
        List<Part> parts = putAll(session);
        storage.discard(session.uploadId());

        assertThrows(UploadGoneException.class, () -> service.complete(EVENT, id(session), parts, ALICE));

        assertEquals(List.of(new Removal(session.photoId(), false)), sessions.removals);
    }

    @Test
    void onlyTheStarter_mayResumeCompleteOrAbort() {
        MultipartSession session = started(PART + 100);
        List<Part> parts = putAll(session);

        assertThrows(EventAccessDeniedException.class, () -> service.status(EVENT, id(session), "bob"));
        assertThrows(EventAccessDeniedException.class, () -> service.complete(EVENT, id(session), parts, "bob"));
        assertThrows(EventAccessDeniedException.class, () -> service.abort(EVENT, id(session), "bob"));
        assertTrue(storage.holdsUpload(session.uploadId()));
    }

    @Test
    void unknownUpload_shouldBe404() {
        assertThrows(
                UploadNotFoundException.class,
                () -> service.status(EVENT, UUID.randomUUID().toString(), ALICE));
    }

    @Test
    void status_shouldListHeldParts_andGiveURLsForTheRest() {
        MultipartSession session = started(2 * PART + 100);
        storage.putPart(session.uploadId(), 2, PART);
        storage.putPart(session.uploadId(), 3, 7); // not the size its URL allows: not held

        MultipartUploadView view = service.status(EVENT, id(session), ALICE);

        assertEquals(
                List.of(2),
                view.uploadedParts().stream().map(p -> p.partNumber()).toList());
        assertEquals(
                List.of(1, 3), view.partUrls().stream().map(u -> u.partNumber()).toList());
        assertEquals(
                List.of(PART, 100L), view.partUrls().stream().map(u -> u.size()).toList());
    }

    @Test
    void abort_shouldDiscardTheParts_andGiveThePlaceBack() {
        MultipartSession session = started(PART + 100);

        service.abort(EVENT, id(session), ALICE);

        assertFalse(storage.holdsUpload(session.uploadId()));
        assertEquals(List.of(new Removal(session.photoId(), true)), sessions.removals);
    }

    @Test
    void requireValidParts_shouldCountThePartsOfTheDeclaredSize() {
        service.requireValidParts(2 * PART + 1, List.of(CHECKSUM, CHECKSUM, CHECKSUM));

        InvalidRequestException tooFew = assertThrows(
                InvalidRequestException.class,
                () -> service.requireValidParts(2 * PART + 1, List.of(CHECKSUM, CHECKSUM)));
        assertTrue(tooFew.getMessage().contains("has 2 entries, needs"), tooFew.getMessage());
        assertThrows(InvalidRequestException.class, () -> service.requireValidParts(null, List.of(CHECKSUM)));
        assertThrows(InvalidRequestException.class, () -> service.requireValidParts(PART, List.of("not-a-checksum")));
    }

    /** A session as start() records it, with its upload started in the bucket. */
    private MultipartSession started(long contentLength) {
        UploadKey key = new UploadKey(EVENT, UUID.randomUUID(), PhotoContentType.JPEG);
        int parts = MultipartUploads.partCount(contentLength, PART);
        MultipartSession session = new MultipartSession(
                EVENT,
                key.photoId(),
                key,
                storage.start(key),
                ALICE,
                contentLength,
                PART,
                java.util.Collections.nCopies(parts, CHECKSUM),
                NOW.minus(Duration.ofHours(1)),
                null);
        sessions.save(session);
        return session;
    }

    /** Every part PUT at its size; the parts to complete with. */
    private List<Part> putAll(MultipartSession session) {
        List<Part> parts = new ArrayList<>();
        for (int number = 1; number <= session.partCount(); number++) {
            StoredPart part = storage.putPart(session.uploadId(), number, session.partLength(number));
            parts.add(new Part(number, part.etag()));
        }
        return parts;
    }

    private static String id(MultipartSession session) {
        return session.photoId().toString();
    }

    private record Removal(UUID photoId, boolean releasePlace) {}

    /** The sessions' items in memory; what was removed, and whether the place under the cap was given back. */
    private static final class Sessions extends MultipartUploadRepository {

        private final Map<UUID, MultipartSession> items = new HashMap<>();
        final List<Removal> removals = new ArrayList<>();

        MultipartSession get(MultipartSession session) {
            return items.get(session.photoId());
        }

        @Override
        public void save(MultipartSession session) {
            items.put(session.photoId(), session);
        }

        @Override
        public Optional<MultipartSession> find(String eventId, UUID photoId) {
            return Optional.ofNullable(items.get(photoId))
                    .filter(s -> s.eventId().equals(eventId));
        }

        @Override
        public void markCompleted(MultipartSession s, Instant at) {
            items.computeIfPresent(
                    s.photoId(),
                    (id, old) -> old.completed()
                            ? old
                            : new MultipartSession(
                                    old.eventId(),
                                    old.photoId(),
                                    old.key(),
                                    old.uploadId(),
                                    old.startedBy(),
                                    old.contentLength(),
                                    old.partSize(),
                                    old.partChecksums(),
                                    old.startedAt(),
                                    at));
        }

        @Override
        public boolean remove(MultipartSession session, boolean releasePlace) {
            removals.add(new Removal(session.photoId(), releasePlace));
            return items.remove(session.photoId()) != null;
        }
    }

    /** The two settings the rules read; anything else is a test's mistake. */
    private static UploadApiConfig config(long partSize, long maxContentLength) {
        UploadApiConfig.Multipart multipart = (UploadApiConfig.Multipart) Proxy.newProxyInstance(
                UploadApiConfig.class.getClassLoader(),
                new Class<?>[] {UploadApiConfig.Multipart.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "partSize" -> partSize;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (UploadApiConfig) Proxy.newProxyInstance(
                UploadApiConfig.class.getClassLoader(),
                new Class<?>[] {UploadApiConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "multipart" -> multipart;
                    case "maxContentLength" -> maxContentLength;
                    case "bucket" -> "photos";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
