package io.vitrine.customs.messages;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Objects;

/**
 * One CEB message: root {@code <ceb:CEBnnnMessage guid="…" version="1.0">}, its business bodies (an order, an
 * inventory list, a receipt…), then {@code BaseTransfer} for what we declare (receipts and tax bills have none). The
 * enveloped signature is added after {@code BaseTransfer} by the signing step, and skipped when reading.
 */
public record CebMessage<B>(MessageType<B> type, String guid, List<B> bodies, @Nullable BaseTransfer baseTransfer) {

    public CebMessage {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(guid, "guid");
        bodies = List.copyOf(bodies);
    }

    /** The only body of a message that holds one (our declarations hold one order each). */
    public B body() {
        if (bodies.size() != 1) {
            throw new IllegalStateException(type.code() + " holds " + bodies.size() + " bodies, not one");
        }
        return bodies.get(0);
    }
}
