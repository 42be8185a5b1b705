package io.vitrine.customs.paymentdata;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What customs gets back at once: {@code 10000} — the request is recorded and the data will be uploaded —, or
 * {@code 20000} with the reason (the interface's failure code; nothing will be uploaded).
 *
 * @param serviceTime our clock, epoch milliseconds
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ImmediateAnswer(String code, String message, long serviceTime) {

    public static final String ACCEPTED = "10000";
    public static final String FAILED = "20000";
}
