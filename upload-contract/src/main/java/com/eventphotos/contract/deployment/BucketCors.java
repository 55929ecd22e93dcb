package com.eventphotos.contract.deployment;

import java.util.List;

import com.eventphotos.contract.UploadUrlPresigner;

/**
 * The photo bucket's CORS rule: browsers on the web origins may PUT an upload with only a Content-Type (the
 * metadata rides in the presigned URL's query string), or a part with its checksum, and read the ETag (a part's ETag
 * names it when the upload is completed). Infra gives the bucket this rule; the
 * local stack gives it to the local S3 server as S3's own XML.
 */
public final class BucketCors {

    public static final List<String> ALLOWED_METHODS = List.of("PUT");
    /**
     * A part of a multipart upload carries its signed SHA-256 (S3 refuses the part if the bytes differ); a single PUT
     * its signed {@code If-None-Match: *} (written once).
     */
    public static final List<String> ALLOWED_HEADERS =
            List.of("Content-Type", "x-amz-checksum-sha256", UploadUrlPresigner.WRITE_ONCE_HEADER);

    public static final List<String> EXPOSED_HEADERS = List.of("ETag");
    public static final int MAX_AGE_SECONDS = 3000;

    private BucketCors() {}

    /** The rule for {@code origins} as a PutBucketCors document. */
    public static String toS3Xml(List<String> origins) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<CORSConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">\n  <CORSRule>\n");
        origins.forEach(origin -> element(xml, "AllowedOrigin", origin));
        ALLOWED_METHODS.forEach(method -> element(xml, "AllowedMethod", method));
        ALLOWED_HEADERS.forEach(header -> element(xml, "AllowedHeader", header));
        EXPOSED_HEADERS.forEach(header -> element(xml, "ExposeHeader", header));
        element(xml, "MaxAgeSeconds", Integer.toString(MAX_AGE_SECONDS));
        return xml.append("  </CORSRule>\n</CORSConfiguration>\n").toString();
    }

    private static void element(StringBuilder xml, String name, String value) {
        xml.append("    <")
                .append(name)
                .append('>')
                .append(escape(value))
                .append("</")
                .append(name)
                .append(">\n");
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
