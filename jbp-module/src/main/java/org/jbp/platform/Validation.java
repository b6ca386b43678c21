package org.jbp.platform;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Turns Bean Validation paths into the JSON paths a client sent. */
public final class Validation {

    private Validation() {
    }

    public static List<FieldError> fieldErrors(Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(v -> new FieldError(jsonPath(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
    }

    static String jsonPath(Path path) {
        StringBuilder json = new StringBuilder();
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, PARAMETER, CROSS_PARAMETER, RETURN_VALUE -> {
                    // resource-method nodes say nothing to a client; the body is the root
                    json.setLength(0);
                    continue;
                }
                default -> {
                }
            }
            // an element of a list is marked on the node that follows the list
            if (node.isInIterable()) {
                json.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            String name = node.getName();
            if (name == null || name.startsWith("<")) {
                continue;
            }
            if (json.length() > 0) {
                json.append('.');
            }
            json.append(name);
        }
        return json.length() == 0 ? "body" : json.toString();
    }
}
