package com.eventphotos.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.eventphotos.contract.MultipartUploads;
import com.eventphotos.contract.UploadLimits;
import com.eventphotos.contract.export.ExportKeys;
import com.eventphotos.contract.live.LiveEndpointConfig;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import jakarta.validation.constraints.Min;

/**
 * Everything an operator sets for the API. Each property can be overridden by an environment variable
 * (e.g. {@code event-photos.bucket} by {@code EVENT_PHOTOS_BUCKET}).
 */
@ConfigMapping(prefix = "event-photos")
public interface UploadApiConfig {

    /** The bucket the presigned URLs upload to. */
    String bucket();

    /** The DynamoDB table of photo records written by the processor. */
    String table();

    /** The DynamoDB table of events, members and invites (the API's alone; schema: EventTable). */
    String eventsTable();

    /** Limits per event. */
    Events events();

    interface Events {

        /** Photos one event may hold: uploads started and not deleted (see docs/api.md, Events and roles). */
        @WithDefault("10000")
        int maxPhotos();

        /** The most uses one invite may allow. */
        @WithDefault("1000")
        int maxInviteUses();

        /** The longest an invite may stay valid. */
        @WithDefault("P30D")
        Duration maxInviteLifetime();
    }

    /** The live channel of each event's galleries and walls (AppSync Events, the local event server). */
    LiveEndpointConfig live();

    /** The DynamoDB table of export jobs (shared with the export worker; schema: ExportTable). */
    String exportsTable();

    /** The SQS queue the export worker reads. */
    String exportQueueUrl();

    /** Downloads: one original, and exports of a whole event. */
    Export export();

    interface Export {

        /** How long a link to an original stays valid: short, anyone holding it can download. */
        @WithDefault("PT5M")
        Duration originalUrlExpiry();

        /** How long a link to an archive stays valid; an archive of 4 GiB takes a while to start on a slow line. */
        @WithDefault("PT1H")
        Duration archiveUrlExpiry();

        /** How long an export's archives are kept (the bucket's lifecycle rule for exports/ says the same). */
        @WithDefault(ExportKeys.RETENTION)
        Duration retention();

        /** An export QUEUED or RUNNING for longer than this is taken for lost (its worker gave up silently). */
        @WithDefault("PT6H")
        Duration givenUpAfter();
    }

    /** The bucket's AWS region; also the region the URLs are signed for. */
    String region();

    /** How long an issued upload URL stays valid. Short, because anyone holding the URL can use it. */
    @WithDefault("PT5M")
    Duration uploadUrlExpiry();

    /** The largest {@code contentLength} a client may declare, in bytes. */
    @WithDefault(UploadLimits.MAX_CONTENT_LENGTH)
    long maxContentLength();

    /** Uploads in parts (S3 multipart): resumable, for large files on poor networks. */
    Multipart multipart();

    interface Multipart {

        /** Files larger than this are uploaded in parts unless the client asks for one PUT. */
        @WithDefault(MultipartUploads.DEFAULT_THRESHOLD)
        long threshold();

        /** Bytes per part (the last holds the rest); S3 needs at least 5 MiB. */
        @WithDefault(MultipartUploads.DEFAULT_PART_SIZE)
        @Min(value = MultipartUploads.MIN_PART_SIZE, message = "S3 parts are at least 5 MiB (5242880 bytes)")
        long partSize();
    }

    /**
     * The HMAC key of the listing's page tokens: at least 32 characters of random data, never in a file
     * (infra passes a generated secret, the local stack and the tests generate one per start).
     */
    String pageTokenKey();

    /** How fast one user may start uploads (see RateLimiter; a batch of photos counts as one start). */
    RateLimit rateLimit();

    interface RateLimit {

        /** Uploads a user may start at once. */
        @WithDefault("20")
        int burst();

        /** Steady rate after the burst. */
        @WithDefault("30")
        int uploadsPerMinute();
    }

    /** Which tokens are accepted, beyond a valid signature, issuer and expiry. */
    Auth auth();

    interface Auth {

        /** The app clients whose tokens are accepted (Cognito app client ids, Keycloak client ids). */
        List<String> clientIds();

        /** Whether ID tokens of those clients are accepted besides access tokens (see AppClientCheck). */
        @WithDefault("true")
        boolean acceptIdTokens();
    }

    /** Web origins allowed to call this API from a browser (CORS); never {@code *} by default. */
    List<String> allowedOrigins();

    /** Guests: people who upload through a guest link without an account (see docs/api.md, Guests). */
    Guests guests();

    interface Guests {

        /** The {@code iss} of the guest tokens this API signs (infra sets one per stage). */
        @WithDefault("event-photos-guests")
        String issuer();

        /**
         * The KMS key (id or ARN; RSA_2048, SIGN_VERIFY) that signs guest tokens in AWS. Unset: a key generated when
         * the API starts (the local stack, tests), so guest tokens end with the process.
         */
        Optional<String> kmsKeyId();

        /** How long a link's revocation may take to end its guests' sessions (the session check is cached so long). */
        @WithDefault("PT30S")
        Duration sessionCheckCache();

        /** Files one guest may upload (uploads started and not deleted count). */
        @WithDefault("500")
        int maxFilesPerGuest();

        /** Bytes one guest may upload, as declared when starting each upload. */
        @WithDefault("10737418240")
        long maxBytesPerGuest();

        /** Files all the guests of one link may upload together. */
        @WithDefault("5000")
        int maxFilesPerLink();

        /** Guest sessions one address may start at once; loose, since a venue's guests share one address. */
        @WithDefault("60")
        int sessionBurstPerAddress();

        /** Guest sessions one address may start per minute after the burst. */
        @WithDefault("120")
        int sessionsPerMinutePerAddress();

        /** Requests with codes that name no link one address may send at once before it waits (typos, not scans). */
        @WithDefault("10")
        int unknownCodeBurstPerAddress();

        /** ... and per minute after that. */
        @WithDefault("10")
        int unknownCodesPerMinutePerAddress();

        /** Guest sessions one link takes at once: a table of guests scanning the QR code together. */
        @WithDefault("20")
        int sessionBurstPerLink();

        /** Guest sessions one link takes per minute after the burst: one client cannot use a link up at once. */
        @WithDefault("30")
        int sessionsPerMinutePerLink();

        /**
         * Addresses of proxies in front of the API whose {@code X-Forwarded-For} is believed (none by default: behind API
         * Gateway the function sees the caller's source IP as its peer, and locally the peer is the caller).
         */
        Optional<List<String>> trustedProxies();
    }
}
