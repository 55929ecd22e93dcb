package com.eventphotos.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import com.eventphotos.emulators.RepositoryPaths;

/** {@code ./run-local.sh}: starts the local stack, prints how to use it, and stops it all on Ctrl-C. */
public final class LocalStackMain {

    private LocalStackMain() {}

    public static void main(String[] args) throws InterruptedException {
        Path root = RepositoryPaths.find("local-stack").getParent();
        LocalStackConfig config;
        LocalStack stack;
        try {
            config = LocalStackConfig.fromEnvironment(root, System.getenv());
            stack = LocalStack.start(config, System.out);
        } catch (LocalStackException e) {
            System.err.println("\nevent-photos could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        String guestLink;
        try {
            guestLink = DemoGuestLink.create(stack);
        } catch (LocalStackException e) {
            stack.close();
            System.err.println("\nevent-photos could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nstopping event-photos ...");
            stack.close();
            System.out.println("stopped; nothing is left listening.");
            stopped.countDown();
        }));
        System.out.println(banner(stack, samplePhoto(config), guestLink));
        // A Lambda function that dies is restarted; a server the stack cannot do without stops it all, by name.
        stack.failure().thenAccept(what -> {
            System.err.println("\n" + what + ": event-photos cannot go on without it and stops (its log is in "
                    + stack.logDir() + ")");
            System.exit(1);
        });
        stopped.await();
    }

    private static Path samplePhoto(LocalStackConfig config) {
        Path sample = config.workDir().resolve("sample.png");
        try {
            Files.write(sample, SamplePhoto.png(640, 480));
        } catch (IOException e) {
            throw new LocalStackException("cannot write " + sample, e);
        }
        return sample;
    }

    static String banner(LocalStack stack, Path samplePhoto, String guestLink) {
        String api = stack.apiUrl();
        String event = DemoGuestLink.EVENT_ID;
        return """

                ================================================================================
                 event-photos is running on loopback. Ctrl-C stops everything.
                ================================================================================
                 Web client   %14$s   (sign in as either demo user below)
                 API          %1$s
                 Swagger UI   %1$s/q/swagger-ui
                 OIDC issuer  %2$s
                 S3 server    %3$s  (bucket %4$s)
                 CDN          %5$s
                 Live events  %20$s   (AppSync Events protocol; galleries and walls subscribe here)
                 Web origins  %6$s
                 Logs         %7$s

                 Guest link   %17$s
                              (no account needed: a name, then photos; the organiser approves them
                              in the review queue of "%18$s" in the web client)
                %19$s
                 Organiser    %8$s / %9$s   (owns %12$s, creates events, invites)
                 Guest        %15$s / %16$s   (joins through the invite link)

                 Get a token (and GUEST_TOKEN likewise, as %15$s):
                   TOKEN=$(curl -s -d grant_type=password -d client_id=%10$s -d username=%8$s \\
                     -d password=%9$s %11$s | sed -E 's/.*"access_token":"([^"]+)".*/\\1/')

                 Upload a photo to the demo event (initiate -> PUT -> list):
                   curl -s -X POST %1$s/events/%12$s/photos/initiate-upload -H "Authorization: Bearer $TOKEN" \\
                     -H 'Content-Type: application/json' \\
                     -d '{"title":"서울 불꽃축제","description":"첫 사진","contentType":"image/png"}' | tee /tmp/upload.json
                   curl -s -X PUT -H 'Content-Type: image/png' --upload-file %13$s \\
                     "$(sed -E 's/.*"s3PutObjectUrl":"([^"]+)".*/\\1/' /tmp/upload.json)"
                   curl -s %1$s/events/%12$s/photos -H "Authorization: Bearer $TOKEN"

                 Invite the guest (the link opens the web client's join page):
                   curl -s -X POST %1$s/events/%12$s/invites -H "Authorization: Bearer $TOKEN" \\
                     -H 'Content-Type: application/json' -d '{"role":"CONTRIBUTOR"}'
                   curl -s -X POST %1$s/invites/<code>/accept -H "Authorization: Bearer $GUEST_TOKEN"
                ================================================================================
                """.formatted(
                        api,
                        stack.oidcIssuer(),
                        stack.s3Endpoint(),
                        LocalStackConfig.BUCKET,
                        stack.cdnUrl(),
                        String.join(" ", stack.webOrigins()),
                        stack.logDir(),
                        LocalStackConfig.ORGANISER_USERNAME,
                        stack.organiserPassword(),
                        LocalStackConfig.CLI_CLIENT_ID,
                        stack.tokenEndpoint(),
                        event,
                        samplePhoto,
                        stack.webUrl(),
                        LocalStackConfig.GUEST_USERNAME,
                        stack.guestPassword(),
                        guestLink,
                        DemoGuestLink.EVENT_NAME,
                        TerminalQr.render(guestLink).indent(1),
                        stack.liveEvents().realtimeUrl());
    }
}
