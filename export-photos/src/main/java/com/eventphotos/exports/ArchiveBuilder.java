package com.eventphotos.exports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.zip.CRC32;

import com.eventphotos.contract.deployment.InvocationDeadline;
import com.eventphotos.contract.export.ExportKeys;
import com.eventphotos.exports.ExportCheckpoint.DoneEntry;
import com.eventphotos.exports.zip.PartBuffer;
import com.eventphotos.exports.zip.ZipRecords;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Builds one archive of the plan as an S3 multipart upload, streaming each original from S3 into the part being
 * assembled: an entry's local header, then its bytes (CRC-32 computed on the way and written into the header, which is
 * still in the buffer), and once the buffer holds a part's worth, that part goes to S3 and the checkpoint is saved. The
 * last part carries the central directory. Memory: one part plus one original, whatever the archive's size.
 */
@ApplicationScoped
class ArchiveBuilder {

    /** How building stopped: the archive is complete (with its size and photos), or paused at a part boundary. */
    sealed interface Outcome {
        /**
         * @param skippedPhotos planned photos the archive does not hold: their originals were gone (deleted) when the
         *     worker came to them
         */
        record Complete(long bytes, int photos, List<String> skippedPhotos) implements Outcome {}

        record Paused(ExportCheckpoint checkpoint) implements Outcome {}
    }

    private static final int COPY_BUFFER = 64 * 1024;

    @Inject
    S3Client s3;

    @Inject
    ExportConfig config;

    /** Observes each uploaded part once its checkpoint is saved (tests stop a worker between two parts here). */
    private volatile IntConsumer afterPart = part -> {};

    void observeParts(IntConsumer observer) {
        this.afterPart = observer;
    }

    /**
     * Continues archive {@code checkpoint.archive()} of {@code plan} from {@code checkpoint}.
     *
     * @param saveCheckpoint called after each part, before the next is started; also renews the job's lease
     * @param deadline the invocation's time left: with less than the reserve, it pauses after a part
     */
    Outcome build(
            ArchivePlan.Archive archive,
            String key,
            ExportCheckpoint checkpoint,
            Consumer<ExportCheckpoint> saveCheckpoint,
            InvocationDeadline deadline) {
        int index = checkpoint.archive();
        if (checkpoint.uploadId() == null) {
            checkpoint = checkpoint.withUpload(createUpload(key));
            saveCheckpoint.accept(checkpoint);
        }
        PartBuffer buffer = new PartBuffer();
        byte[] copy = new byte[COPY_BUFFER];
        List<DoneEntry> inPart = new ArrayList<>();
        List<ArchivePlan.Entry> entries = archive.entries();
        try {
            for (int i = checkpoint.entries().size(); i < entries.size(); i++) {
                inPart.add(append(entries.get(i), buffer, copy));
                boolean last = i == entries.size() - 1;
                if (!last && buffer.size() >= config.export().partSize()) {
                    checkpoint = checkpoint.afterPart(upload(key, checkpoint, buffer), inPart, buffer.size());
                    inPart.clear();
                    buffer.clear();
                    saveCheckpoint.accept(checkpoint);
                    afterPart.accept(checkpoint.parts().size());
                    if (!deadline.hasAtLeast(config.export().invocationReserve())) {
                        return new Outcome.Paused(checkpoint);
                    }
                }
            }
            List<DoneEntry> all = new ArrayList<>(checkpoint.entries());
            all.addAll(inPart);
            List<ZipRecords.Entry> directory = directory(entries, all);
            long directoryOffset = checkpoint.written() + buffer.size();
            buffer.write(ZipRecords.directoryAndEnd(directory, directoryOffset, false));
            long total = checkpoint.written() + buffer.size();
            ExportCheckpoint last = checkpoint.afterPart(upload(key, checkpoint, buffer), inPart, buffer.size());
            complete(key, last);
            return new Outcome.Complete(total, directory.size(), skipped(entries, all));
        } catch (NoSuchUploadException e) {
            // completed by an invocation that died before recording it, or discarded: see what S3 holds (of its last
            // part's entries nothing tells which were skipped: they count as held, so a deletion withdraws the export)
            return completedMeanwhile(key, entries.size(), skipped(entries, checkpoint.entries()))
                    .orElseGet(() -> build(archive, key, ExportCheckpoint.start(index), saveCheckpoint, deadline));
        }
    }

    private DoneEntry append(ArchivePlan.Entry entry, PartBuffer buffer, byte[] copy) {
        ResponseInputStream<GetObjectResponse> original;
        try {
            original = s3.getObject(g -> g.bucket(config.bucket()).key(entry.key()));
        } catch (NoSuchKeyException e) {
            return DoneEntry.skippedEntry(); // deleted since the export started
        }
        try (InputStream in = original) {
            long size = original.response().contentLength();
            long headerAt = buffer.size();
            buffer.write(ZipRecords.localHeader(entry.name(), entry.modified(), size, 0));
            CRC32 crc = new CRC32();
            long read = 0;
            for (int n; (n = in.read(copy)) > 0; ) {
                crc.update(copy, 0, n);
                buffer.write(copy, 0, n);
                read += n;
            }
            if (read != size) {
                throw new IOException("read " + read + " bytes of " + entry.key() + ", expected " + size);
            }
            buffer.putIntLittleEndian(headerAt + ZipRecords.LOCAL_HEADER_CRC_OFFSET, (int) crc.getValue());
            return new DoneEntry(crc.getValue(), size, false);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + entry.key() + " failed: " + e.getMessage(), e);
        }
    }

    /** The central directory's entries: offsets follow from the sizes, in order, skipped entries taking no room. */
    private static List<ZipRecords.Entry> directory(List<ArchivePlan.Entry> planned, List<DoneEntry> done) {
        List<ZipRecords.Entry> directory = new ArrayList<>();
        long offset = 0;
        for (int i = 0; i < planned.size(); i++) {
            DoneEntry entry = done.get(i);
            if (entry.skipped()) {
                continue;
            }
            ArchivePlan.Entry plan = planned.get(i);
            directory.add(new ZipRecords.Entry(plan.name(), plan.modified(), entry.size(), entry.crc32(), offset));
            offset += ZipRecords.localHeaderLength(plan.name()) + entry.size();
        }
        return directory;
    }

    /** The photos of the entries done so far that were skipped. */
    private static List<String> skipped(List<ArchivePlan.Entry> planned, List<DoneEntry> done) {
        List<String> skipped = new ArrayList<>();
        for (int i = 0; i < done.size() && i < planned.size(); i++) {
            if (done.get(i).skipped()) {
                skipped.add(planned.get(i).photoId());
            }
        }
        return skipped;
    }

    private String createUpload(String key) {
        return s3.createMultipartUpload(c -> c.bucket(config.bucket())
                        .key(key)
                        .contentType("application/zip")
                        .contentDisposition("attachment; filename=\"" + ExportKeys.fileNameOf(key) + "\""))
                .uploadId();
    }

    private ExportCheckpoint.Part upload(String key, ExportCheckpoint checkpoint, PartBuffer buffer) {
        int number = checkpoint.parts().size() + 1;
        String etag = s3.uploadPart(
                        u -> u.bucket(config.bucket())
                                .key(key)
                                .uploadId(checkpoint.uploadId())
                                .partNumber(number)
                                .contentLength(buffer.size()),
                        RequestBody.fromContentProvider(
                                buffer::newInputStream, buffer.size(), "application/octet-stream"))
                .eTag();
        return new ExportCheckpoint.Part(number, etag);
    }

    private void complete(String key, ExportCheckpoint checkpoint) {
        s3.completeMultipartUpload(c -> c.bucket(config.bucket())
                .key(key)
                .uploadId(checkpoint.uploadId())
                .multipartUpload(m -> m.parts(checkpoint.parts().stream()
                        .map(p -> CompletedPart.builder()
                                .partNumber(p.number())
                                .eTag(p.etag())
                                .build())
                        .toList())));
    }

    private java.util.Optional<Outcome> completedMeanwhile(String key, int plannedEntries, List<String> skipped) {
        try {
            long bytes = s3.headObject(h -> h.bucket(config.bucket()).key(key)).contentLength();
            return java.util.Optional.of(new Outcome.Complete(bytes, plannedEntries, skipped));
        } catch (NoSuchKeyException e) {
            return java.util.Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return java.util.Optional.empty();
            }
            throw e;
        }
    }
}
