package io.vitrine.oversight.display;

import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.time.ChinaTime;
import io.vitrine.pos.storestock.StoreStock;
import io.vitrine.pos.storestock.StoreStockLevel;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Draws up the reconciliation of one tenant's accounts, in the caller's transaction and tenant: the balances from
 * the ledger, the store's shelf from the POS counts ({@code pos.storestock}: the latest STOCK_COUNT of each SKU),
 * and the book as of each count's instant from the movements, so a movement after the count never shows as a
 * difference. A store without POS counts shows its display SKUs as NOT_COUNTED.
 */
@Singleton
class DisplayReport {

    private final DisplayLedger ledger;
    private final StoreStock storeStock;
    private final AccountPlace place;
    private final Clock clock;

    DisplayReport(DisplayLedger ledger, StoreStock storeStock, AccountPlace place, Clock clock) {
        this.ledger = ledger;
        this.storeStock = storeStock;
        this.place = place;
        this.clock = clock;
    }

    /** The report of these accounts of one tenant. */
    DisplayReconciliation of(List<Part> parts) {
        List<ReportLine> lines = new ArrayList<>();
        List<GuaranteeLine> guarantees = new ArrayList<>();
        LocalDate today = ChinaTime.today(clock);
        for (Part part : parts) { // each member's rows read as that member
            TenantContext.runAs(part.tenant(), () -> part(part, today, lines, guarantees));
        }
        long differences = lines.stream().filter(line -> line.flag().isDifference()).count();
        return new DisplayReconciliation(clock.instant().truncatedTo(ChronoUnit.SECONDS), today, lines, guarantees,
                differences);
    }

    /** One tenant's accounts in the report, named by the tenant's slug. */
    record Part(TenantId tenant, List<DisplayAccount> accounts) {
    }

    private void part(Part part, LocalDate today, List<ReportLine> lines, List<GuaranteeLine> guarantees) {
        TenantId tenant = part.tenant();
        if (part.accounts().isEmpty()) {
            return;
        }
        String member = place.slugOf(tenant);
        Map<String, DisplayAccount> byId = part.accounts().stream()
                .collect(Collectors.toMap(DisplayAccount::id, Function.identity()));
        List<DisplayMovement> history = ledger.history(tenant, List.copyOf(byId.keySet()));
        Map<String, Map<String, StoreStockLevel>> shelves = new HashMap<>();
        for (DisplayAccount account : part.accounts()) {
            Map<String, StoreStockLevel> shelf = shelves.computeIfAbsent(account.storeCode(), store ->
                    storeStock.levels(tenant, store).stream()
                            .collect(Collectors.toMap(StoreStockLevel::sku, Function.identity())));
            String emsNo = place.emsNo(TenantId.of(account.parkId()), account.warehouseCode()).orElse(null);
            List<DisplayBalance> balances = ledger.balances(tenant, account.id());
            for (DisplayBalance balance : balances) {
                lines.add(line(member, account, emsNo, balance, shelf.get(balance.sku()), history, byId));
            }
            long onDisplay = balances.stream().mapToLong(DisplayBalance::onDisplay).sum();
            guarantees.add(new GuaranteeLine(member, account.id(), account.storeCode(), account.warehouseCode(),
                    account.guarantee().amount().fen(), account.guarantee().amount().toPlainString(),
                    account.guarantee().reference(), account.guarantee().expiresOn(),
                    ChronoUnit.DAYS.between(today, account.guarantee().expiresOn()), account.period().from(),
                    account.period().to(), ChronoUnit.DAYS.between(today, account.period().to()), onDisplay,
                    account.closed() ? "CLOSED" : "OPEN", account.release()));
        }
    }

    private static ReportLine line(String member, DisplayAccount account, String emsNo, DisplayBalance balance,
                                   StoreStockLevel level, List<DisplayMovement> history,
                                   Map<String, DisplayAccount> accounts) {
        Long counted = level == null ? null : level.countedQty();
        Instant countedAt = level == null ? null : level.countedAt();
        Long bookAtCount = countedAt == null ? null
                : bookAt(history, accounts, account.storeCode(), balance.sku(), countedAt);
        Long difference = bookAtCount == null ? null : counted - bookAtCount;
        return new ReportLine(member, account.id(), account.storeCode(), account.warehouseCode(), emsNo,
                balance.sku(), balance.out(), balance.sold(), balance.returned(), balance.onDisplay(),
                balance.awaitingDeclaration(), counted, countedAt, bookAtCount, difference,
                flag(balance, difference));
    }

    /**
     * SOLD_NOT_DECLARED while units sold at the POS wait for a declaration, whatever the count (its difference is
     * still shown); otherwise how the count compares with the book.
     */
    static ReportFlag flag(DisplayBalance balance, Long difference) {
        if (balance.awaitingDeclaration() > 0) {
            return ReportFlag.SOLD_NOT_DECLARED;
        }
        if (difference == null) {
            return balance.onDisplay() == 0 ? ReportFlag.CLEAR : ReportFlag.NOT_COUNTED;
        }
        return difference == 0 ? ReportFlag.MATCH : difference < 0 ? ReportFlag.SHORT : ReportFlag.OVER;
    }

    /**
     * Units of the SKU on display at the store by the book at {@code at}: for each of the store's accounts, what its
     * last movement of the SKU up to and including that instant left on display (history is oldest first).
     */
    static long bookAt(List<DisplayMovement> history, Map<String, DisplayAccount> accounts, String storeCode,
                       String sku, Instant at) {
        Map<String, Long> byAccount = new HashMap<>();
        for (DisplayMovement movement : history) {
            if (movement.sku().equals(sku) && !movement.occurredAt().isAfter(at)
                    && accounts.get(movement.accountId()).storeCode().equals(storeCode)) {
                byAccount.put(movement.accountId(), movement.onDisplayAfter());
            }
        }
        return byAccount.values().stream().mapToLong(Long::longValue).sum();
    }
}
