package io.vitrine.oversight.display;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.error.BusinessRuleException;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.id.Ids;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.audit.AuditTrail;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * One movement in one transaction: the account's row is locked (movements of an account queue), the client key is
 * looked up (a retry answers what was recorded; a race on one key meets on its unique index), the SKU's balance is locked and may never go below zero (422
 * {@code DISPLAY_BALANCE_NEGATIVE}), the warehouse's bonded stock moves through the catalog, then the movement, the
 * balance and the audit event are written. Any refusal rolls everything back: nothing changed.
 * Locks are taken account, balance, then the catalog's product and stock rows, always in that order.
 */
@Singleton
class MovementRecording {

    private final DisplayLedger ledger;
    private final WarehouseStock warehouse;
    private final DeclaredSales sales;
    private final AuditTrail audit;
    private final CurrentTenant currentTenant;
    private final Ids ids;
    private final Clock clock;

    MovementRecording(DisplayLedger ledger, WarehouseStock warehouse, DeclaredSales sales, AuditTrail audit,
                      CurrentTenant currentTenant, Ids ids, Clock clock) {
        this.ledger = ledger;
        this.warehouse = warehouse;
        this.sales = sales;
        this.audit = audit;
        this.currentTenant = currentTenant;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public RecordedMovement record(Actor by, String accountId, DisplayMovements.Request request) {
        TenantId tenant = currentTenant.require();
        DisplayAccount account = ledger.lockAccount(tenant, accountId).orElseThrow(DisplayAccounts::notFound);
        Optional<DisplayMovement> earlier = ledger.findMovement(tenant, request.movementKey());
        if (earlier.isPresent()) {
            if (earlier.get().sameRequest(accountId, request.kind(), request.sku(), request.quantity(),
                    request.orderNo())) {
                return new RecordedMovement(earlier.get(), true);
            }
            throw new ConflictException("MOVEMENT_KEY_REUSED", "Movement key " + request.movementKey()
                    + " already recorded another movement: a new movement takes a new key.");
        }
        AccountClosing.refuseIfClosed(account);
        Instant now = now();
        DisplayBalance before = ledger.lockBalance(tenant, accountId, request.sku(), now);
        return new RecordedMovement(book(by, tenant, account, request, before, now), false);
    }

    /**
     * Writes a movement of the locked account whose SKU's balance {@code before} is locked too: refuses a balance
     * below zero, moves the warehouse's stock, records the movement, the balance and the audit event.
     */
    DisplayMovement book(Actor by, TenantId tenant, DisplayAccount account, DisplayMovements.Request request,
                         DisplayBalance before, Instant now) {
        String accountId = account.id();
        DisplayBalance after = before.after(request.kind(), request.quantity());
        if (after.onDisplay() < 0) {
            throw new BusinessRuleException("DISPLAY_BALANCE_NEGATIVE", request.quantity() + " of " + request.sku()
                    + " cannot leave display: " + before.onDisplay() + " on display by the book"
                    + (before.awaitingDeclaration() == 0 ? "."
                    : ", " + before.awaitingDeclaration() + " sold at the POS awaiting declaration."));
        }
        moveWarehouseStock(by, tenant, account, request);
        DisplayMovement movement = new DisplayMovement(ids.nextId(), accountId, request.movementKey(), request.kind(),
                request.sku(), request.quantity(), request.orderNo(), request.note(), after.onDisplay(), by.id(),
                by.name(), now);
        ledger.insertMovement(tenant, movement);
        ledger.saveBalance(tenant, accountId, after, now);
        audit.record(by, tenant, "DISPLAY_" + request.kind().name(), DisplayAccounts.SUBJECT, accountId,
                request.quantity() + " x " + request.sku() + ", key " + request.movementKey()
                        + (request.orderNo() == null ? "" : ", order " + request.orderNo())
                        + ", on display after " + after.onDisplay());
        return movement;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private void moveWarehouseStock(Actor by, TenantId tenant, DisplayAccount account,
                                    DisplayMovements.Request request) {
        String ref = " (display account " + account.id() + ", movement " + request.movementKey() + ")";
        switch (request.kind()) {
            case OUT_FOR_DISPLAY -> warehouse.take(by, account, request.sku(), request.quantity(),
                    "bonded display: out to store " + account.storeCode() + ref);
            case RETURNED_TO_ZONE -> warehouse.give(by, account, request.sku(), request.quantity(),
                    "bonded display: returned to the zone from store " + account.storeCode() + ref);
            case SOLD_AT_POS -> { } // the sample left the shelf; the warehouse had counted it out already
            case SOLD_DECLARED -> {
                sales.check(tenant, account, request.orderNo(), request.sku(), request.quantity());
                // the order's unit was counted out of the warehouse at payment; the display sample went instead
                warehouse.give(by, account, request.sku(), request.quantity(), "bonded display: sample sold at store "
                        + account.storeCode() + " for order " + request.orderNo() + ", the order's unit stays" + ref);
            }
        }
    }
}
