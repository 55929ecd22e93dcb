package com.eventphotos.testsupport;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/** A file cut into upload parts as a client does it: every part {@code partSize} bytes but the last. */
public final class FileParts {

    private FileParts() {}

    public static List<byte[]> split(byte[] file, long partSize) {
        List<byte[]> parts = new ArrayList<>();
        for (long start = 0; start < file.length; start += partSize) {
            parts.add(Arrays.copyOfRange(file, (int) start, (int) Math.min(file.length, start + partSize)));
        }
        return parts;
    }

    /** What x-amz-checksum-sha256 carries: the SHA-256 of the bytes, base64. */
    public static String sha256(byte[] bytes) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<String> checksums(List<byte[]> parts) {
        return parts.stream().map(FileParts::sha256).toList();
    }
}
