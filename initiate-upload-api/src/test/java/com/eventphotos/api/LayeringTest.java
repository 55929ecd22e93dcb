package com.eventphotos.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API's layers, as the folder tree shows them: resources above services above repositories above the DynamoDB
 * toolkit; the access policy between services and repositories; domain and wire types below all of them. Nothing
 * imports a layer above its own. Beside the repositories, the adapters of the other AWS services: {@code storage}
 * (S3), {@code queue} (SQS), {@code live} (the live channel); services and repositories use their interfaces, never
 * an SDK client or an implementation.
 */
class LayeringTest {

    private static final Path SOURCES = Path.of("src/main/java/com/eventphotos/api");
    private static final Pattern IMPORT =
            Pattern.compile("^import (?:static )?com\\.eventphotos\\.api\\.(\\w+)\\.", Pattern.MULTILINE);

    /** Each package and the API packages it must not import. */
    private static final Map<String, List<String>> FORBIDDEN = Map.ofEntries(
            Map.entry("service", List.of("resource")),
            Map.entry("access", List.of("resource", "service")),
            Map.entry("repository", List.of("resource", "service", "access")),
            Map.entry(
                    "dynamo",
                    List.of("resource", "service", "access", "repository", "model", "storage", "queue", "live")),
            Map.entry(
                    "domain",
                    List.of("resource", "service", "access", "repository", "dynamo", "storage", "queue", "live")),
            Map.entry(
                    "model",
                    List.of("resource", "service", "access", "repository", "dynamo", "storage", "queue", "live")),
            Map.entry(
                    "error",
                    List.of("resource", "service", "access", "repository", "dynamo", "storage", "queue", "live")),
            Map.entry("storage", List.of("resource", "service", "access", "repository")),
            Map.entry("queue", List.of("resource", "service", "access", "repository")),
            Map.entry("live", List.of("resource", "service", "access", "repository")));

    @Test
    void everyPackage_shouldImportOnlyLayersBelowIt() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, List<String>> layer : FORBIDDEN.entrySet()) {
            Path folder = SOURCES.resolve(layer.getKey());
            assertTrue(Files.isDirectory(folder), folder.toString());
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher imports = IMPORT.matcher(Files.readString(file));
                    while (imports.find()) {
                        if (layer.getValue().contains(imports.group(1))) {
                            violations.add(SOURCES.relativize(file) + " imports from " + imports.group(1));
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void resources_shouldTalkToServicesAndTheAccessPolicy_neverToRepositories() throws IOException {
        try (Stream<Path> files = Files.list(SOURCES.resolve("resource"))) {
            for (Path file : files.toList()) {
                String source = Files.readString(file);
                assertTrue(!source.contains("import com.eventphotos.api.repository."), file + " uses a repository");
                assertTrue(!source.contains("import com.eventphotos.api.dynamo."), file + " uses DynamoDB");
            }
        }
    }

    /** The SDK clients of S3, SQS and the live channel stay in their adapters; services hold rules only. */
    @Test
    void servicesAndRepositories_shouldUseAdapterInterfaces_neverSdkClientsOrImplementations() throws IOException {
        Pattern sdk = Pattern.compile("^import software\\.amazon\\.awssdk\\.services\\.(s3|sqs)\\.", Pattern.MULTILINE);
        Pattern implementation = Pattern.compile(
                "^import com\\.eventphotos\\.api\\.(storage|queue|live)\\.(S3|Sqs)\\w*;", Pattern.MULTILINE);
        List<String> violations = new ArrayList<>();
        for (String layer : List.of("resource", "service", "access", "repository")) {
            try (Stream<Path> files = Files.walk(SOURCES.resolve(layer))) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file);
                    if (sdk.matcher(source).find()
                            || implementation.matcher(source).find()) {
                        violations.add(SOURCES.relativize(file).toString());
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }
}
