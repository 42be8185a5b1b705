/**
 * Fleet status from POS heartbeats: when each device was last heard (our clock), and what its latest heartbeat
 * by its own clock said (app version, clock skew). {@link io.vitrine.pos.fleet.DeviceStatuses} is the port the
 * fleet console and offline alerts read.
 */
package io.vitrine.pos.fleet;
