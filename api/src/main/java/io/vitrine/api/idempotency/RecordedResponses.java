package io.vitrine.api.idempotency;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.JsonMapper;
import io.vitrine.kernel.idempotency.RecordedResponse;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Turns an answer into the bytes that are recorded, and a record back into an answer. The first answer
 * is sent as the very bytes recorded (its body object is replaced by them), so a replay is identical
 * byte for byte. Only the status, content type and body are kept: creating routes set no other header.
 */
@Singleton
class RecordedResponses {

    private final JsonMapper json;

    RecordedResponses(JsonMapper json) {
        this.json = json;
    }

    /** The answer as recorded; empty for a body that cannot be kept (a stream): the key is then released. */
    @SuppressWarnings("unchecked")
    Optional<RecordedResponse> record(MutableHttpResponse<?> response) {
        MediaType type = response.getContentType().orElse(MediaType.APPLICATION_JSON_TYPE);
        Optional<?> body = response.getBody();
        byte[] bytes;
        if (body.isEmpty()) {
            return Optional.of(new RecordedResponse(response.code(), null, new byte[0]));
        } else if (body.get() instanceof byte[] raw) {
            bytes = raw;
        } else if (body.get() instanceof CharSequence text) {
            bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        } else if (type.getSubtype().endsWith("json")) {
            bytes = json(body.get());
        } else {
            return Optional.empty();
        }
        ((MutableHttpResponse<Object>) response).body(bytes).contentType(type);
        return Optional.of(new RecordedResponse(response.code(), type.toString(), bytes));
    }

    HttpResponse<?> replay(RecordedResponse recorded) {
        MutableHttpResponse<byte[]> response = HttpResponse.<byte[]>status(HttpStatus.valueOf(recorded.status()))
                .header(Idempotent.REPLAYED, "true");
        if (recorded.contentType() != null) {
            response.contentType(recorded.contentType()).body(recorded.body());
        }
        return response;
    }

    private byte[] json(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException("could not record the answer", e);
        }
    }
}
