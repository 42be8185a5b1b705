package io.vitrine.pos.fleet;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Duration;
import java.time.Instant;

/**
 * What the fleet knows of one POS device from its heartbeats.
 *
 * @param lastSeenAt      our clock: when the latest heartbeat arrived (a batch of queued heartbeats arriving after
 *                        hours offline makes the device seen now)
 * @param lastHeartbeatAt the device's clock: the latest heartbeat by occurredAt, whatever order they arrived in
 * @param appVersion      as that latest heartbeat said (an old heartbeat replayed late never rolls it back)
 * @param clockSkew       that heartbeat's arrival minus its occurredAt: the device's clock error plus the time it
 *                        waited in the device's queue
 */
@Serdeable
public record DeviceHeartbeat(String deviceKey, String storeCode, Instant lastSeenAt, Instant lastHeartbeatAt,
                              @Nullable String appVersion, Duration clockSkew) {
}
