package io.vitrine.kernel.error;

/** One refused input field: which field (dotted path as the client sent it) and why. */
public record FieldError(String field, String message) {
}
