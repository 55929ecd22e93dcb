package com.eventphotos.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Every figure of a run, with its unit and spread, written as results.json and results.md. */
final class Results {

    /** @param spread how much the figure varied (e.g. "± 1.2 (99.9% CI)", "min 0.9 / max 1.4"); empty if none */
    record Figure(String section, String name, double value, String unit, String spread, String note) {}

    private final List<Figure> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void add(String section, String name, double value, String unit, String spread, String note) {
        figures.add(new Figure(section, name, value, unit, spread == null ? "" : spread, note == null ? "" : note));
        System.out.printf(
                "  %-28s %-52s %12.2f %-8s %s %s%n",
                section, name, value, unit, spread == null ? "" : spread, note == null ? "" : note);
    }

    List<Figure> figures() {
        return List.copyOf(figures);
    }

    void note(String text) {
        notes.add(text);
        System.out.println("  note: " + text);
    }

    void write(Path dir, String command) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> machine = machine();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("command", command);
        json.put("machine", machine);
        json.put("figures", figures);
        json.put("notes", notes);
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(dir.resolve("results.json").toFile(), json);

        StringBuilder md = new StringBuilder("# event-photos benchmark results\n\n");
        md.append("Command: `").append(command).append("`\n\n");
        machine.forEach(
                (k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        md.append("\n| section | measure | value | unit | spread | note |\n|---|---|---:|---|---|---|\n");
        for (Figure f : figures) {
            md.append("| ")
                    .append(f.section())
                    .append(" | ")
                    .append(f.name())
                    .append(" | ")
                    .append(String.format("%.2f", f.value()))
                    .append(" | ")
                    .append(f.unit())
                    .append(" | ")
                    .append(f.spread())
                    .append(" | ")
                    .append(f.note())
                    .append(" |\n");
        }
        if (!notes.isEmpty()) {
            md.append("\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        Files.writeString(dir.resolve("results.md"), md);
    }

    private static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("date", Instant.now().toString());
        machine.put(
                "os",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"));
        machine.put("cpu", cpuModel());
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put(
                "memory",
                ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                                        .getTotalMemorySize()
                                / (1024 * 1024)
                        + " MiB");
        machine.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        return machine;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
