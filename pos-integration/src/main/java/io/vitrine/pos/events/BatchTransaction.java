package io.vitrine.pos.events;

import java.util.function.Supplier;

/**
 * The transaction one batch is applied in, reading committed data (after waiting for another writer's lock, a batch
 * sees what that writer committed). When the database refuses the work because another writer got there first — a
 * unique key taken by a concurrent insert of the same event, a deadlock victim — the transaction is rolled back and
 * the work runs again from the top. Implemented in {@code infra}.
 */
public interface BatchTransaction {

    <T> T readCommitted(Supplier<T> work);
}
