package com.eventphotos.api.storage;

import java.time.Duration;

import com.eventphotos.api.model.DownloadLink;

/**
 * Presigned GETs of the bucket's objects (no network call): the browser downloads straight from the bucket, and saves
 * the file under the name given here.
 */
public interface DownloadUrls {

    DownloadLink presign(String key, String fileName, Duration validFor);
}
