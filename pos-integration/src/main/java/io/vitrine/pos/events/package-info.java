/**
 * Event ingest ({@code POST /pos/v1/events}): batches of up to 500 events a POS device queued, possibly for hours
 * offline, with client-generated ids. {@link io.vitrine.pos.events.EventIngest} answers each event ACCEPTED,
 * DUPLICATE or REJECTED on its own; the ledger's unique key (tenant, device, event id) makes a retry, a replay or a
 * second app instance apply an event at most once.
 */
package io.vitrine.pos.events;
