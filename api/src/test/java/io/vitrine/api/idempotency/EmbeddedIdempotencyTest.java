package io.vitrine.api.idempotency;

import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.extension.ExtendWith;

/** Idempotency keys on the embedded database (H2). */
@ExtendWith(EmbeddedVitrine.class)
class EmbeddedIdempotencyTest extends IdempotencySuite {

    EmbeddedIdempotencyTest(RunningVitrine vitrine) {
        super(vitrine);
    }
}
