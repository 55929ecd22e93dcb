package com.eventphotos.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import software.amazon.awscdk.assertions.Template;

/** Reads a synthesized template as plain maps, for checks that span resources (roles and their policies). */
@SuppressWarnings("unchecked")
final class CloudFormation {

    private CloudFormation() {}

    static Map<String, Map<String, Object>> resources(Template template) {
        return (Map<String, Map<String, Object>>) template.toJSON().get("Resources");
    }

    static Map<String, Map<String, Object>> ofType(Map<String, Map<String, Object>> resources, String type) {
        return resources.entrySet().stream()
                .filter(e -> type.equals(e.getValue().get("Type")))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    static String logicalIdOf(Map<String, Map<String, Object>> resources, String type) {
        Map<String, Map<String, Object>> found = ofType(resources, type);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type + ", found " + found.keySet());
        }
        return found.keySet().iterator().next();
    }

    static Map<String, Object> properties(Map<String, Object> resource) {
        return (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
    }

    static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of(value);
    }

    static List<Map<String, Object>> statements(Map<String, Map<String, Object>> resources, String policyType) {
        List<Map<String, Object>> statements = new ArrayList<>();
        ofType(resources, policyType)
                .values()
                .forEach(policy -> statements.addAll((List<Map<String, Object>>)
                        ((Map<String, Object>) properties(policy).get("PolicyDocument")).get("Statement")));
        return statements;
    }

    /** The role created by the QuarkusLambda construct with this id (logical ids start with the construct path). */
    static String roleOf(Map<String, Map<String, Object>> resources, String constructId) {
        return ofType(resources, "AWS::IAM::Role").keySet().stream()
                .filter(id -> id.startsWith(constructId + "Role"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no role for " + constructId));
    }

    /** The logical id of the DynamoDB table whose id starts with {@code prefix}. */
    static String tableId(Map<String, Map<String, Object>> resources, String prefix) {
        return idOf(resources, "AWS::DynamoDB::Table", prefix);
    }

    /** The logical id of the resource of {@code type} whose id starts with {@code prefix}. */
    static String idOf(Map<String, Map<String, Object>> resources, String type, String prefix) {
        return ofType(resources, type).keySet().stream()
                .filter(id -> id.startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " " + prefix));
    }

    /** The function created by the QuarkusLambda construct with this id. */
    static String functionOf(Map<String, Map<String, Object>> resources, String constructId) {
        return ofType(resources, "AWS::Lambda::Function").keySet().stream()
                .filter(id -> id.startsWith(constructId + "Function"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no function for " + constructId));
    }

    /** The HTTP API's route keys ("GET /events"), sorted. */
    static Set<String> routeKeys(Map<String, Map<String, Object>> resources) {
        return ofType(resources, "AWS::ApiGatewayV2::Route").values().stream()
                .map(route -> (String) properties(route).get("RouteKey"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static List<Map<String, Object>> policyStatementsOfRole(
            Map<String, Map<String, Object>> resources, String constructId) {
        String role = roleOf(resources, constructId);
        List<Map<String, Object>> statements = new ArrayList<>();
        ofType(resources, "AWS::IAM::Policy").values().stream()
                .map(CloudFormation::properties)
                .filter(p -> list(p.get("Roles")).contains(Map.of("Ref", role)))
                .forEach(p -> statements.addAll(
                        (List<Map<String, Object>>) ((Map<String, Object>) p.get("PolicyDocument")).get("Statement")));
        Map<String, Object> roleProperties = properties(resources.get(role));
        Object inline = roleProperties.get("Policies");
        if (inline != null) {
            list(inline)
                    .forEach(p -> statements.addAll((List<Map<String, Object>>)
                            ((Map<String, Object>) ((Map<String, Object>) p).get("PolicyDocument")).get("Statement")));
        }
        return statements;
    }

    static List<Object> managedPoliciesOfRole(Map<String, Map<String, Object>> resources, String constructId) {
        Object managed =
                properties(resources.get(roleOf(resources, constructId))).get("ManagedPolicyArns");
        return managed == null ? List.of() : list(managed);
    }

    static List<String> actions(List<Map<String, Object>> statements) {
        return new ArrayList<>(statements.stream()
                .flatMap(s -> list(s.get("Action")).stream())
                .map(Object::toString)
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    static Map<String, Object> statementWithAction(List<Map<String, Object>> statements, String action) {
        return statements.stream()
                .filter(s -> list(s.get("Action")).contains(action))
                .filter(Objects::nonNull)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no statement with " + action));
    }
}
