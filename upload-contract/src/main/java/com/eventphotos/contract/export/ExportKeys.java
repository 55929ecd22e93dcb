package com.eventphotos.contract.export;

/**
 * Where an export's objects live: {@code exports/event_{eventId}/{exportId}/…}. The bucket's lifecycle deletes
 * everything under {@link #PREFIX} after the export retention (7 days by default), so links last no longer.
 */
public final class ExportKeys {

    public static final String PREFIX = "exports/";

    /** How long an export is kept: the bucket's lifecycle rule, the job's TTL and its links (ISO-8601). */
    public static final String RETENTION = "P7D";

    private ExportKeys() {}

    public static String folder(String eventId, String exportId) {
        return PREFIX + "event_" + eventId + "/" + exportId + "/";
    }

    /** The worker's plan: which photo goes into which archive, under which name. */
    public static String plan(String eventId, String exportId) {
        return folder(eventId, exportId) + "plan.json";
    }

    /** Archive {@code number} (from 1) of {@code count}: also the file name a browser saves it as. */
    public static String archive(String eventId, String exportId, int number, int count) {
        return folder(eventId, exportId) + archiveFileName(eventId, number, count);
    }

    public static String archiveFileName(String eventId, int number, int count) {
        return count == 1 ? eventId + "-photos.zip" : eventId + "-photos-" + number + "-of-" + count + ".zip";
    }

    /** The file name part of an archive's key. */
    public static String fileNameOf(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }
}
