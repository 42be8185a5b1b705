package io.vitrine.kernel.idempotency;

import java.time.Duration;
import java.util.Objects;

/** What {@link IdempotencyKeys#claim} decided about a request carrying a key. */
public sealed interface Claim {

    /**
     * The key is this request's: run it, then {@link IdempotencyKeys#complete} with its answer, or
     * {@link IdempotencyKeys#release} when it failed and may be tried again.
     */
    record Granted(String keyHash, String token) implements Claim {
        public Granted {
            Objects.requireNonNull(keyHash, "keyHash");
            Objects.requireNonNull(token, "token");
        }
    }

    /** The same request already ran: answer what it answered, run nothing. */
    record Replay(RecordedResponse response) implements Claim {
        public Replay {
            Objects.requireNonNull(response, "response");
        }
    }

    /** The same request is running right now (another instance, another connection): try again shortly. */
    record InFlight(Duration retryAfter) implements Claim {
        public InFlight {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    /** The key was used for a different request (method, target or body): a client bug, refused. */
    record Mismatch() implements Claim {
    }
}
