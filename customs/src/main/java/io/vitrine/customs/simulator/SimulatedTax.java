package io.vitrine.customs.simulator;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.customs.messages.InventoryDeclaration;
import io.vitrine.customs.messages.InventoryList;
import io.vitrine.customs.messages.TaxListRd;
import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.tax.CrossBorderTax;
import io.vitrine.kernel.tax.ImportTax;
import io.vitrine.kernel.tax.TaxRates;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The CEB816 tax bill the simulated customs raises for a released inventory list, with domain.md's rule: each line's
 * dutiable value is its totalPrice plus its share (by value) of the list's freight and insuredFee, taxed within the
 * limits (no tariff; VAT and consumption tax at 70%). The simulator holds no tariff table, so it assumes every line
 * is 13% VAT without consumption tax (the 9.1% comprehensive rate): an order of goods with other rates shows a
 * difference in the reconciliation, as a real disagreement would. The marker {@value #MARKER} (order note, consignee
 * name or the list's note) adds {@value #DIFFERENCE_FEN} fen of VAT to the first line: a bill that deliberately
 * disagrees with what the order collected.
 *
 * <p>Lines are kept in the ledger as text ({@link #encode}), one {@code gnum|gcode|taxPrice|customs|vat|consumption}
 * (fen) per line, {@code ;}-separated.
 */
final class SimulatedTax {

    static final String MARKER = "#TAXDIFF";
    static final long DIFFERENCE_FEN = 100;
    static final TaxRates ASSUMED = TaxRates.of("0.13", "0", null);

    private SimulatedTax() {
    }

    static boolean marked(@Nullable String... texts) {
        for (String text : texts) {
            if (text != null && text.toUpperCase(Locale.ROOT).contains(MARKER)) {
                return true;
            }
        }
        return false;
    }

    static List<TaxListRd> lines(InventoryDeclaration inventory, boolean differ) {
        List<InventoryList> listed = inventory.lines();
        List<Money> dutiable = CrossBorderTax.dutiableValues(listed.stream().map(InventoryList::totalPrice).toList(),
                inventory.head().freight(), inventory.head().insuredFee());
        List<TaxListRd> lines = new ArrayList<>();
        for (int i = 0; i < listed.size(); i++) {
            ImportTax tax = CrossBorderTax.withinLimits(dutiable.get(i), ASSUMED);
            Money vat = differ && i == 0 ? tax.vat().plus(Money.ofFen(DIFFERENCE_FEN)) : tax.vat();
            lines.add(new TaxListRd(listed.get(i).gnum(), listed.get(i).gcode(), dutiable.get(i), tax.tariff(), vat,
                    tax.consumption()));
        }
        return lines;
    }

    static String encode(List<TaxListRd> lines) {
        return String.join(";", lines.stream().map(l -> l.gnum() + "|" + l.gcode() + "|" + l.taxPrice().fen() + "|"
                + l.customsTax().fen() + "|" + l.valueAddedTax().fen() + "|" + l.consumptionTax().fen()).toList());
    }

    static List<TaxListRd> decode(String text) {
        List<TaxListRd> lines = new ArrayList<>();
        for (String line : text.split(";")) {
            String[] f = line.split("\\|");
            lines.add(new TaxListRd(Integer.parseInt(f[0]), f[1], Money.ofFen(Long.parseLong(f[2])),
                    Money.ofFen(Long.parseLong(f[3])), Money.ofFen(Long.parseLong(f[4])),
                    Money.ofFen(Long.parseLong(f[5]))));
        }
        return lines;
    }
}
