package com.eventphotos.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The cryptographic floor of one presigned PUT: SigV4 query signing written directly with javax.crypto
 * (signing-key HMAC chain, SHA-256 of the canonical request, HMAC of the string to sign). Only a yardstick
 * for the benchmark; the product signs with the AWS SDK.
 */
final class SigV4Floor {

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final HexFormat HEX = HexFormat.of();

    private SigV4Floor() {}

    /** @param query already URI-encoded query parameters (without the X-Amz-Signature) */
    static String sign(
            String host,
            String encodedPath,
            Map<String, String> query,
            String contentType,
            String accessKey,
            String secretKey,
            String region,
            ZonedDateTime now,
            long expirySeconds)
            throws Exception {
        String amzDate = AMZ_DATE.format(now.withZoneSameInstant(ZoneOffset.UTC));
        String date = amzDate.substring(0, 8);
        String scope = date + "/" + region + "/s3/aws4_request";
        TreeMap<String, String> params = new TreeMap<>(query);
        params.put("X-Amz-Algorithm", "AWS4-HMAC-SHA256");
        params.put("X-Amz-Credential", accessKey + "%2F" + scope.replace("/", "%2F"));
        params.put("X-Amz-Date", amzDate);
        params.put("X-Amz-Expires", Long.toString(expirySeconds));
        params.put("X-Amz-SignedHeaders", "content-type%3Bhost");
        StringBuilder canonicalQuery = new StringBuilder();
        params.forEach((k, v) -> canonicalQuery
                .append(canonicalQuery.length() == 0 ? "" : "&")
                .append(k)
                .append('=')
                .append(v));
        String canonicalRequest = "PUT\n" + encodedPath + "\n" + canonicalQuery + "\ncontent-type:" + contentType
                + "\nhost:" + host + "\n\ncontent-type;host\nUNSIGNED-PAYLOAD";
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                + HEX.formatHex(
                        MessageDigest.getInstance("SHA-256").digest(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, "s3");
        key = hmac(key, "aws4_request");
        return "https://" + host + encodedPath + "?" + canonicalQuery + "&X-Amz-Signature="
                + HEX.formatHex(hmac(key, stringToSign));
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }
}
