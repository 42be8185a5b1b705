package io.vitrine.kernel.idempotency;

import io.micronaut.core.annotation.Nullable;

import java.util.Arrays;
import java.util.Objects;

/**
 * The answer a request with an idempotency key got, as it went out: status, content type and body
 * bytes. A repeat of the request answers exactly this.
 */
public record RecordedResponse(int status, @Nullable String contentType, byte[] body) {

    public RecordedResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("an HTTP status is 100-599");
        }
        body = Objects.requireNonNull(body, "body").clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordedResponse that && status == that.status
                && Objects.equals(contentType, that.contentType) && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, contentType, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        // never the body: it may carry a one-time secret
        return "RecordedResponse[" + status + ", " + contentType + ", " + body.length + " bytes]";
    }
}
