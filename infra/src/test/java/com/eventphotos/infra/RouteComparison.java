package com.eventphotos.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** What the API serves against what the gateway routes, both ways; empty when they agree. */
final class RouteComparison {

    private RouteComparison() {}

    static List<String> differences(Set<String> served, Set<String> routed) {
        List<String> differences = new ArrayList<>();
        new TreeSet<>(served)
                .stream()
                        .filter(key -> !routed.contains(key))
                        .forEach(key -> differences.add("served by the API but not routed: " + key));
        new TreeSet<>(routed)
                .stream()
                        .filter(key -> !served.contains(key))
                        .forEach(key -> differences.add("routed but not served by the API: " + key));
        return differences;
    }
}
