package com.eventphotos.contract;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes any text safe to store as an S3 user-metadata value, and restores it exactly.
 *
 * <p>S3 metadata travels as HTTP headers: real S3 returns non-ASCII values as RFC 2047 encoded-words
 * ({@code =?UTF-8?B?...?=}), some S3-compatible servers reject non-ASCII outright, and HTTP clients trim
 * surrounding white space. So a value that is not plain printable ASCII is stored as one RFC 2047
 * "B" encoded-word, which is what real S3 itself hands back for non-ASCII metadata; decoding therefore
 * works the same whether the value comes from us, from real S3, or from another S3 implementation.
 *
 * <p>One ambiguity is inherent to RFC 2047 and documented in docs/architecture.md (Metadata encoding): on real S3 (which decodes
 * encoded-words on the way in) a literal value that itself looks like an encoded-word comes back as one.
 */
public final class MetadataValueCodec {

    private static final String PREFIX = "=?UTF-8?B?";
    private static final String SUFFIX = "?=";
    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?\\s]+)\\?([BbQq])\\?([^?\\s]*)\\?=");
    private static final Pattern ENCODED_WORDS_ONLY = Pattern.compile("\\s*(?:" + ENCODED_WORD.pattern() + "\\s*)+");

    private MetadataValueCodec() {}

    public static String encode(String value) {
        if (isPlainAscii(value)) {
            return value;
        }
        return PREFIX + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) + SUFFIX;
    }

    /**
     * Restores a value written by {@link #encode}, or returned by S3 for a non-ASCII value.
     *
     * @throws IllegalArgumentException when the value claims to be encoded but cannot be decoded
     */
    public static String decode(String stored) {
        if (stored == null || !ENCODED_WORDS_ONLY.matcher(stored).matches()) {
            return stored;
        }
        StringBuilder decoded = new StringBuilder();
        Matcher word = ENCODED_WORD.matcher(stored);
        while (word.find()) {
            Charset charset = charset(word.group(1));
            byte[] bytes = word.group(2).equalsIgnoreCase("B")
                    ? Base64.getDecoder().decode(word.group(3))
                    : decodeQ(word.group(3));
            decoded.append(new String(bytes, charset));
        }
        return decoded.toString();
    }

    /**
     * Plain values are kept readable in the S3 console. Anything a header could alter (non-printable or
     * non-ASCII characters, white space at the ends or doubled) or that a decoder could mistake for an
     * encoded-word is encoded.
     */
    private static boolean isPlainAscii(String value) {
        if (value.isEmpty()) {
            return true;
        }
        if (value.charAt(0) == ' '
                || value.charAt(value.length() - 1) == ' '
                || value.contains("  ")
                || value.contains("=?")) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    private static Charset charset(String name) {
        // RFC 2231 allows a language tag after '*': "UTF-8*ko".
        String charsetName = name.contains("*") ? name.substring(0, name.indexOf('*')) : name;
        try {
            return Charset.forName(charsetName);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unsupported charset in encoded metadata: " + name, e);
        }
    }

    private static byte[] decodeQ(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                bytes.write(' ');
            } else if (c == '=' && i + 2 < text.length()) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c == '=') {
                throw new IllegalArgumentException("truncated escape in encoded metadata: " + text);
            } else {
                bytes.write(c);
            }
        }
        return bytes.toByteArray();
    }
}
