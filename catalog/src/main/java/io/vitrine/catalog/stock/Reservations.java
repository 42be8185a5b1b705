package io.vitrine.catalog.stock;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.id.Ids;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.access.Actor;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stock held for checkouts (issue #5 calls these): reserve all lines or none, then release, commit (paid) or let
 * expire. Each call is idempotent per reference: the same reference again answers the reservation as it is and
 * holds nothing more. A reservation's row is locked first, then its stock rows in warehouse-then-SKU order, so
 * racing checkouts queue on the rows they share and exactly as many win as there are units.
 */
@Singleton
public class Reservations {

    private final StockReservationRepository reservations;
    private final StockReservationLineRepository lines;
    private final StockMoves moves;
    private final CurrentTenant currentTenant;
    private final Ids ids;
    private final Clock clock;

    Reservations(StockReservationRepository reservations, StockReservationLineRepository lines, StockMoves moves,
                 CurrentTenant currentTenant, Ids ids, Clock clock) {
        this.reservations = reservations;
        this.lines = lines;
        this.moves = moves;
        this.currentTenant = currentTenant;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Holds every line's units for {@code ttl}, or none: {@code OUT_OF_STOCK} (422) names the first SKU short of
     * available stock. A reference already used answers that reservation (409 if its lines differ). Five statements
     * whatever the number of lines: the reservation's row, its stock rows locked in one read per warehouse, their
     * new counts in one batch, the lines in another.
     */
    @Transactional
    public Reservation reserve(String reference, List<ReservationLine> requested, Duration ttl) {
        TenantId tenant = currentTenant.require();
        ReservationRequest request = ReservationRequest.of(reference, requested, ttl);
        Instant now = now();
        String id = ids.nextId();
        Instant expiresAt = now.plus(request.ttl());
        if (reservations.insertIfAbsent(id, tenant.value(), request.reference(), expiresAt, now) == 0) {
            Reservation existing = find(request.reference()).orElseThrow(
                    () -> new ConflictException("The reservation " + request.reference() + " is being made: try again."));
            if (!existing.lines().equals(request.lines())) {
                throw new ConflictException("The reservation " + request.reference() + " holds other lines.");
            }
            return existing;
        }
        Map<StockMoves.Item, StockItem> locked = moves.lockAll(tenant, request.lines());
        List<StockMoves.Change> changes = new ArrayList<>();
        List<StockReservationLine> saved = new ArrayList<>();
        for (ReservationLine line : request.lines()) {
            StockItem item = locked.get(StockMoves.Item.of(line));
            if (item == null || item.level().available() < line.quantity()) {
                throw outOfStock(line);
            }
            changes.add(new StockMoves.Change(item, item.onHand(), item.reserved() + line.quantity()));
            saved.add(new StockReservationLine(ids.nextId(), null, id, saved.size() + 1, line.warehouseCode(),
                    line.sku(), line.quantity()));
        }
        moves.writeAll(tenant, changes, null);
        lines.saveAll(saved);
        return new Reservation(request.reference(), ReservationStatus.ACTIVE, request.lines(), expiresAt, now, null);
    }

    /** Gives the units back (checkout abandoned or cancelled); a reservation no longer active is left as it is. */
    @Transactional
    public Reservation release(String reference) {
        return end(reference, ReservationStatus.RELEASED, false);
    }

    /** Gives the units back if the reservation is active and past its time (the expiry round calls it). */
    @Transactional
    public Reservation expireIfDue(String reference) {
        return end(reference, ReservationStatus.EXPIRED, true);
    }

    /**
     * The order is paid: the reserved units leave on-hand stock (ledger movement SALE, reason {@code order
     * <reference>}). Repeating it changes nothing. A reservation released or expired meanwhile takes its units
     * from what is available now, all or nothing ({@code OUT_OF_STOCK} otherwise).
     */
    @Transactional
    public Reservation commit(String reference) {
        TenantId tenant = currentTenant.require();
        StockReservation row = lockRow(reference);
        if (row.status() == ReservationStatus.COMMITTED || row.status() == ReservationStatus.RETURNED) {
            return view(row);
        }
        List<ReservationLine> held = linesOf(row);
        Map<StockMoves.Item, StockItem> locked = moves.lockAll(tenant, held);
        List<StockMoves.Change> changes = new ArrayList<>();
        for (ReservationLine line : held) {
            StockItem item = locked.get(StockMoves.Item.of(line));
            long holds = row.status().holdsStock() ? line.quantity() : 0;
            if (item == null || item.level().available() + holds < line.quantity()) {
                throw outOfStock(line);
            }
            changes.add(new StockMoves.Change(item, item.onHand() - line.quantity(), item.reserved() - holds));
        }
        moves.writeAll(tenant, changes,
                new StockMoves.LedgerLine(StockMovement.SALE, "order " + reference, Actor.system()));
        return new Reservation(row.reference(), ReservationStatus.COMMITTED, held, row.expiresAt(), row.createdAt(),
                reservations.update(row.ended(ReservationStatus.COMMITTED, now())).endedAt());
    }

    /**
     * The paid order was cancelled before its goods left: the units it took are back on hand (ledger movement
     * RETURN with {@code reason}, e.g. {@code order <reference> cancelled}), once — the reservation becomes
     * RETURNED, and repeating it changes nothing. A reservation never committed is left as it is (its units were
     * never taken; releasing it is {@link #release}).
     */
    @Transactional
    public Reservation returnToStock(String reference, String reason) {
        TenantId tenant = currentTenant.require();
        StockReservation row = lockRow(reference);
        if (row.status() != ReservationStatus.COMMITTED) {
            return view(row);
        }
        List<ReservationLine> sold = linesOf(row);
        backOnHand(tenant, sold, reason);
        return new Reservation(row.reference(), ReservationStatus.RETURNED, sold, row.expiresAt(), row.createdAt(),
                reservations.update(row.ended(ReservationStatus.RETURNED, now())).endedAt());
    }

    /**
     * Part of a sale comes back (a return received at the bonded site): {@code units} (by SKU) are back on hand at the
     * warehouses they were sold from (ledger movement RETURN with {@code reason}, e.g. {@code return <no> received}).
     * The reservation stays COMMITTED. Not idempotent on its own: the caller calls it once per return (orders does,
     * under the return's row lock, with its status change). 409 for a SKU the sale did not have, or more units than
     * it sold; a reservation never committed is left as it is.
     */
    @Transactional
    public Reservation returnUnits(String reference, Map<String, Long> units, String reason) {
        TenantId tenant = currentTenant.require();
        StockReservation row = lockRow(reference);
        if (row.status() != ReservationStatus.COMMITTED) {
            return view(row);
        }
        List<ReservationLine> back = new ArrayList<>();
        for (ReservationLine line : linesOf(row)) {
            long quantity = units.getOrDefault(line.sku(), 0L);
            if (quantity > line.quantity()) {
                throw new ConflictException("Only " + line.quantity() + " of " + line.sku() + " were sold.");
            }
            if (quantity > 0) {
                back.add(new ReservationLine(line.warehouseCode(), line.sku(), quantity));
            }
        }
        if (back.stream().map(ReservationLine::sku).distinct().count() != units.values().stream()
                .filter(q -> q > 0).count()) {
            throw new ConflictException("A returned SKU was not part of the sale " + reference + ".");
        }
        backOnHand(tenant, back, reason);
        return view(row);
    }

    /** Sold units back on hand where they were sold from, under their rows' locks: ledger movement RETURN. */
    private void backOnHand(TenantId tenant, List<ReservationLine> lines, String reason) {
        Map<StockMoves.Item, StockItem> locked = moves.lockAll(tenant, lines);
        List<StockMoves.Change> changes = new ArrayList<>();
        for (ReservationLine line : lines) {
            StockItem item = locked.get(StockMoves.Item.of(line));
            if (item == null) {
                throw new IllegalStateException("the stock row of " + line.sku() + " at " + line.warehouseCode()
                        + " vanished after a sale");
            }
            changes.add(new StockMoves.Change(item, item.onHand() + line.quantity(), item.reserved()));
        }
        moves.writeAll(tenant, changes, new StockMoves.LedgerLine(StockMovement.RETURN, reason, Actor.system()));
    }

    @Transactional(readOnly = true)
    public Optional<Reservation> find(String reference) {
        return reservations.findByReference(reference).map(this::view);
    }

    private Reservation end(String reference, ReservationStatus outcome, boolean onlyWhenDue) {
        TenantId tenant = currentTenant.require();
        StockReservation row = lockRow(reference);
        Instant now = now();
        if (!row.status().holdsStock() || (onlyWhenDue && row.expiresAt().isAfter(now))) {
            return view(row);
        }
        List<ReservationLine> held = linesOf(row);
        Map<StockMoves.Item, StockItem> locked = moves.lockAll(tenant, held);
        List<StockMoves.Change> changes = new ArrayList<>();
        for (ReservationLine line : held) {
            StockItem item = locked.get(StockMoves.Item.of(line));
            if (item == null) {
                throw new IllegalStateException("the stock row of " + line.sku() + " at " + line.warehouseCode()
                        + " vanished while reserved");
            }
            changes.add(new StockMoves.Change(item, item.onHand(), item.reserved() - line.quantity()));
        }
        moves.writeAll(tenant, changes, null);
        return new Reservation(row.reference(), outcome, held, row.expiresAt(), row.createdAt(),
                reservations.update(row.ended(outcome, now)).endedAt());
    }

    private StockReservation lockRow(String reference) {
        return reservations.findByReferenceForUpdate(reference)
                .orElseThrow(() -> new NotFoundException("No such reservation."));
    }

    private List<ReservationLine> linesOf(StockReservation row) {
        return lines.findByReservationIdOrderByLineNo(row.id()).stream().map(StockReservationLine::line).toList();
    }

    private Reservation view(StockReservation row) {
        return new Reservation(row.reference(), row.status(), linesOf(row), row.expiresAt(), row.createdAt(),
                row.endedAt());
    }

    private static OutOfStockException outOfStock(ReservationLine line) {
        return new OutOfStockException(line);
    }

    /** Cut to what a DATETIME(6) column keeps, so an answer shows what a later read shows. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
