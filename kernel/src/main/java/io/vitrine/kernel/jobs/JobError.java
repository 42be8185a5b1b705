package io.vitrine.kernel.jobs;

import io.micronaut.core.annotation.Nullable;

/**
 * One problem a job met: {@code row} is the input's row number (the header is row 1), {@code field}
 * the column or field, {@code message} the rule that was broken. Messages never repeat the value
 * (it may be personal data).
 */
public record JobError(@Nullable Long row, @Nullable String field, String message) {
}
