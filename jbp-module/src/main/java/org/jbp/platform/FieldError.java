package org.jbp.platform;

/** One field at fault in a request, named by its JSON path (e.g. {@code sections.campaigns[2].mdfRequested}). */
public record FieldError(String field, String message) {
}
