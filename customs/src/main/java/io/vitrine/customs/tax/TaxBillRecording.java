package io.vitrine.customs.tax;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.customs.messages.TaxBill;
import io.vitrine.customs.messages.TaxHeadRd;
import io.vitrine.kernel.money.Money;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Records a CEB816 tax bill once per bill number (taxNo), in the tenant and order of the inventory list it names
 * (the {@code invtNo} our CEB622 receipts carried). The same bill again changes nothing; the same bill with another
 * status (summarised, void) replaces the recorded status and figures. A bill naming an inventory list we never heard
 * of is kept with no tenant and no order (logged): the reconciliation lists it as a bill with no order for the tenant
 * whose ebcCode it names.
 */
@Singleton
public class TaxBillRecording {

    private static final Logger LOG = LoggerFactory.getLogger(TaxBillRecording.class);
    private static final Set<String> STATUSES = Set.of(TaxHeadRd.GENERATED, TaxHeadRd.SUMMARISED, TaxHeadRd.VOID);

    private final TaxBillStore store;
    private final Clock clock;

    TaxBillRecording(TaxBillStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public enum Outcome { RECORDED, REPEATED, UPDATED }

    /**
     * @param messageGuid the CEB816 message's guid (or the receipt file's id)
     * @throws IllegalArgumentException for a bill whose status is not 1, 2 or 3 (it would fail the same way again)
     */
    @Transactional
    public Outcome record(String messageGuid, TaxBill bill) {
        TaxHeadRd head = bill.head();
        if (!STATUSES.contains(head.status())) {
            throw new IllegalArgumentException("tax bill " + head.taxNo() + ": status " + head.status()
                    + " is not 1, 2 or 3");
        }
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String taxNo = head.taxNo().strip();
        var recorded = store.find(taxNo);
        if (recorded.isPresent()) {
            RecordedTaxBill before = recorded.get();
            if (before.status().equals(head.status()) && sameFigures(before, head)) {
                return Outcome.REPEATED;
            }
            store.update(new RecordedTaxBill(taxNo, before.billGuid(), messageGuid, before.tenant(), before.orderNo(),
                    before.invtNo(), before.ebcCode(), money(head.customsTax()), money(head.valueAddedTax()),
                    money(head.consumptionTax()), head.status(), head.returnTime(), before.receivedAt(), now));
            LOG.info("customs: tax bill {} now status {}", taxNo, head.status());
            return Outcome.UPDATED;
        }
        var owner = store.ownerOfInventory(head.invtNo());
        if (owner.isEmpty()) {
            LOG.warn("customs: tax bill {} names inventory list {}, not one of ours: kept with no order", taxNo,
                    head.invtNo());
        }
        store.insert(new RecordedTaxBill(taxNo, head.guid().toUpperCase(Locale.ROOT), messageGuid,
                owner.map(TaxBillStore.Owner::tenant).orElse(null), owner.map(TaxBillStore.Owner::orderNo).orElse(null),
                head.invtNo(), head.ebcCode(), money(head.customsTax()), money(head.valueAddedTax()),
                money(head.consumptionTax()), head.status(), head.returnTime(), now, now));
        return Outcome.RECORDED;
    }

    private static boolean sameFigures(RecordedTaxBill before, TaxHeadRd head) {
        return before.customsTax().equals(money(head.customsTax()))
                && before.valueAddedTax().equals(money(head.valueAddedTax()))
                && before.consumptionTax().equals(money(head.consumptionTax()));
    }

    private static Money money(Money amount) {
        return Objects.requireNonNullElse(amount, Money.ZERO);
    }
}
