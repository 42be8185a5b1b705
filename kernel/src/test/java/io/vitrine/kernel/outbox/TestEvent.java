package io.vitrine.kernel.outbox;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.kernel.tenancy.TenantId;

/** The outbox tests' event: any type name, tenant and key they need. */
@Serdeable
public record TestEvent(String eventType, @Nullable TenantId tenant, String businessKey, String note)
        implements OutboxEvent {

    public static final String RECORDED = "test.Recorded";
    public static final String DOOMED = "test.Doomed";
    public static final String CRASH = "test.Crash";
    /** only the listener that retries until delivered wants it */
    public static final String STUBBORN = "test.Stubborn";
    /** only the batch listener wants it */
    public static final String BATCHED = "test.Batched";
}
