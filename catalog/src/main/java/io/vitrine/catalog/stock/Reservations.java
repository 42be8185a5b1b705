package io.vitrine.catalog.stock;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.error.BusinessRuleException;
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
     * available stock. A reference already used answers that reservation (409 if its lines differ).
     */
    @Transactional
    public Reservation reserve(String reference, List<ReservationLine> requested, Duration ttl) {
        TenantId tenant = currentTenant.require();
        ReservationRequest request = ReservationRequest.of(reference, requested, ttl);
        Instant now = now();
        String id = ids.nextId();
        reservations.insertIfAbsent(id, tenant.value(), request.reference(), now.plus(request.ttl()), now);
        StockReservation row = reservations.findByReferenceForUpdate(request.reference()).orElseThrow();
        if (!row.id().equals(id)) {
            Reservation existing = view(row);
            if (!existing.lines().equals(request.lines())) {
                throw new ConflictException("The reservation " + request.reference() + " holds other lines.");
            }
            return existing;
        }
        List<StockReservationLine> saved = new ArrayList<>();
        for (ReservationLine line : request.lines()) {
            StockItem item = moves.lock(line.warehouseCode(), line.sku())
                    .filter(locked -> locked.level().available() >= line.quantity())
                    .orElseThrow(() -> outOfStock(line));
            moves.write(tenant, item, item.onHand(), item.reserved() + line.quantity(), null);
            saved.add(new StockReservationLine(ids.nextId(), null, id, saved.size() + 1, line.warehouseCode(),
                    line.sku(), line.quantity()));
        }
        lines.saveAll(saved);
        return view(row);
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
        if (row.status() == ReservationStatus.COMMITTED) {
            return view(row);
        }
        StockMoves.LedgerLine sale = new StockMoves.LedgerLine(StockMovement.SALE, "order " + reference, Actor.system());
        for (ReservationLine line : linesOf(row)) {
            StockItem item = moves.lock(line.warehouseCode(), line.sku()).orElseThrow(() -> outOfStock(line));
            long held = row.status().holdsStock() ? line.quantity() : 0;
            if (item.level().available() + held < line.quantity()) {
                throw outOfStock(line);
            }
            moves.write(tenant, item, item.onHand() - line.quantity(), item.reserved() - held, sale);
        }
        return view(reservations.update(row.ended(ReservationStatus.COMMITTED, now())));
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
        for (ReservationLine line : linesOf(row)) {
            StockItem item = moves.lock(line.warehouseCode(), line.sku()).orElseThrow();
            moves.write(tenant, item, item.onHand(), item.reserved() - line.quantity(), null);
        }
        return view(reservations.update(row.ended(outcome, now)));
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

    private static BusinessRuleException outOfStock(ReservationLine line) {
        return new BusinessRuleException("OUT_OF_STOCK", "Not enough stock of " + line.sku() + " at "
                + line.warehouseCode() + " for " + line.quantity() + ".");
    }

    /** Cut to what a DATETIME(6) column keeps, so an answer shows what a later read shows. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
