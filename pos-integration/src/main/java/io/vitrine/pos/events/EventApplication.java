package io.vitrine.pos.events;

import io.vitrine.kernel.outbox.Outbox;
import io.vitrine.pos.fleet.DeviceStatuses;
import io.vitrine.pos.storestock.MovementKind;
import io.vitrine.pos.storestock.StockMovement;
import io.vitrine.pos.storestock.StoreStock;
import io.vitrine.tenants.devices.Devices;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One attempt at a batch, inside {@link EventIngest}'s transaction: decides each well-formed event's fate against
 * the ledger and the catalog, then records and applies the accepted ones in batches (one ledger insert, one movement
 * insert, one lock and update of the touched store stock rows, one fleet status write, the accepted SALEs told as
 * one {@link SalesAccepted} outbox event) — not a round trip per event.
 * A heartbeat is written to two places, each owning its part: {@code pos_device_status} ({@link DeviceStatuses}) owns
 * what only a POS heartbeat carries — the device's clock, its skew, the latest heartbeat by that clock and its app
 * version — and decides the version; the device registry ({@link Devices#recordHeartbeat}, {@code devices}) owns the
 * fleet status of every kind of device (kiosks beat through their page), which the console, its filters and the
 * offline alerts read, and is told that decided version and "seen now". So a late or resent older heartbeat rolls
 * the version back in neither.
 */
@Singleton
class EventApplication {

    private final EventLedger ledger;
    private final KnownSkus catalog;
    private final StoreStock stock;
    private final DeviceStatuses statuses;
    private final Devices registry;
    private final Outbox outbox;

    EventApplication(EventLedger ledger, KnownSkus catalog, StoreStock stock, DeviceStatuses statuses, Devices registry,
                     Outbox outbox) {
        this.ledger = ledger;
        this.catalog = catalog;
        this.stock = stock;
        this.statuses = statuses;
        this.registry = registry;
        this.outbox = outbox;
    }

    List<EventResult> apply(IngestingDevice device, List<ReadEvent> read, Instant receivedAt) {
        List<PosEvent> wellFormed = read.stream().map(ReadEvent::event).filter(e -> e != null).toList();
        Set<String> ids = new LinkedHashSet<>();
        Set<String> skus = new LinkedHashSet<>();
        wellFormed.forEach(event -> {
            ids.add(event.eventId());
            event.lines().forEach(line -> skus.add(line.sku()));
        });
        Map<String, String> seen = new HashMap<>(ledger.recorded(device, ids));
        Set<String> known = catalog.among(skus);
        List<EventResult> results = new ArrayList<>(read.size());
        List<PosEvent> accepted = new ArrayList<>();
        for (ReadEvent entry : read) {
            PosEvent event = entry.event();
            EventResult result = event == null ? entry.rejection() : decide(event, seen, known);
            if (result.status() == EventStatus.ACCEPTED) {
                seen.put(event.eventId(), event.payloadHash()); // the same id again in this batch: a duplicate
                accepted.add(event);
            }
            results.add(result);
        }
        ledger.record(device, accepted, receivedAt);
        stock.apply(device.tenant(), device.storeCode(), movements(device, accepted), receivedAt);
        List<SaleAccepted> sales = accepted.stream().filter(event -> event.type() == EventType.SALE)
                .map(sale -> SaleAccepted.of(device, sale)).toList();
        if (!sales.isEmpty()) {
            outbox.publish(new SalesAccepted(device.tenant(), device.storeCode(), device.deviceKey(), sales));
        }
        accepted.stream().filter(event -> event.type() == EventType.HEARTBEAT)
                .max(Comparator.comparing(PosEvent::occurredAt))
                .ifPresent(latest -> {
                    String version = statuses.heartbeat(device.tenant(), device.deviceKey(), device.storeCode(),
                            latest.occurredAt(), receivedAt, latest.appVersion());
                    registry.recordHeartbeat(device.deviceKey(), receivedAt, version);
                });
        return results;
    }

    private static EventResult decide(PosEvent event, Map<String, String> seen, Set<String> known) {
        String recordedHash = seen.get(event.eventId());
        if (recordedHash != null) {
            return recordedHash.equals(event.payloadHash()) ? EventResult.duplicate(event.eventId())
                    : EventResult.rejected(event.eventId(), new EventError("EVENT_ID_CONFLICT", "eventId",
                    "was accepted before with different content; the first stays applied, this one is not: "
                            + "give a new event a new id"));
        }
        for (int i = 0; i < event.lines().size(); i++) {
            if (!known.contains(event.lines().get(i).sku())) {
                return EventResult.rejected(event.eventId(), new EventError("UNKNOWN_SKU", "lines[" + i + "].sku",
                        "is not a product of this shop's catalog"));
            }
        }
        return EventResult.accepted(event.eventId());
    }

    private static List<StockMovement> movements(IngestingDevice device, List<PosEvent> accepted) {
        List<StockMovement> movements = new ArrayList<>();
        for (PosEvent event : accepted) {
            for (int i = 0; i < event.lines().size(); i++) {
                EventLine line = event.lines().get(i);
                switch (event.type()) {
                    case SALE -> movements.add(movement(device, event, i, line, MovementKind.SALE, -line.quantity()));
                    case RETURN -> movements.add(movement(device, event, i, line, MovementKind.RETURN, line.quantity()));
                    case STOCK_COUNT -> movements.add(movement(device, event, i, line, MovementKind.COUNT,
                            line.quantity()));
                    case HEARTBEAT -> { }
                }
            }
        }
        return movements;
    }

    private static StockMovement movement(IngestingDevice device, PosEvent event, int lineNo, EventLine line,
                                          MovementKind kind, long quantity) {
        return new StockMovement(device.deviceKey(), event.eventId(), lineNo, line.sku(), kind, quantity,
                event.occurredAt());
    }
}
