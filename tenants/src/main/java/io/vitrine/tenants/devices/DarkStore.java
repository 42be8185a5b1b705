package io.vitrine.tenants.devices;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * A store with paired kiosks none of which is online: nobody can shop there. {@code lastSeenAt} is
 * when the last of them was seen (null: never since pairing).
 */
public record DarkStore(String storeCode, @Nullable String storeName, int kiosks, @Nullable Instant lastSeenAt) {
}
