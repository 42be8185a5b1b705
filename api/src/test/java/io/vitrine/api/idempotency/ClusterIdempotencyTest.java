package io.vitrine.api.idempotency;

import io.vitrine.api.testing.ClusterVitrine;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.extension.ExtendWith;

/** Idempotency keys on MariaDB, as every instance of a cluster shares them. */
@ExtendWith(ClusterVitrine.class)
class ClusterIdempotencyTest extends IdempotencySuite {

    ClusterIdempotencyTest(RunningVitrine vitrine) {
        super(vitrine);
    }
}
