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
 * imports a layer above its own.
 */
class LayeringTest {

    private static final Path SOURCES = Path.of("src/main/java/com/eventphotos/api");
    private static final Pattern IMPORT =
            Pattern.compile("^import (?:static )?com\\.eventphotos\\.api\\.(\\w+)\\.", Pattern.MULTILINE);

    /** Each package and the API packages it must not import. */
    private static final Map<String, List<String>> FORBIDDEN = Map.of(
            "service", List.of("resource"),
            "access", List.of("resource", "service"),
            "repository", List.of("resource", "service", "access"),
            "dynamo", List.of("resource", "service", "access", "repository", "model"),
            "domain", List.of("resource", "service", "access", "repository", "dynamo"),
            "model", List.of("resource", "service", "access", "repository", "dynamo"),
            "error", List.of("resource", "service", "access", "repository", "dynamo"));

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
}
