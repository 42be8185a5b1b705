package io.vitrine.orders.ordering;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.error.NotFoundException;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * What the customs declaration of an order needs, in the current tenant: the order, its line snapshots and the
 * buyer's and consignee's personal data unsealed (architecture.md "Personal data": only the declaration, which
 * must send them to customs, opens them; never logged — the records' {@code toString} is masked).
 */
@Singleton
public class DeclarationParticulars {

    private final Orders orders;
    private final PersonalDataSeal seal;

    DeclarationParticulars(Orders orders, PersonalDataSeal seal) {
        this.orders = orders;
        this.seal = seal;
    }

    @Transactional(readOnly = true)
    public Particulars of(String orderNo) {
        Order order = orders.find(orderNo).orElseThrow(() -> new NotFoundException("No such order."));
        SealedPersonalData p = order.personal();
        Buyer buyer = p.buyerIdNumber() == null ? null
                : new Buyer(seal.open(p.buyerName()), seal.open(p.buyerIdNumber()), seal.open(p.buyerPhone()));
        Consignee consignee = p.consigneeName() == null ? null
                : new Consignee(seal.open(p.consigneeName()), seal.open(p.consigneePhone()),
                p.consigneeDistrictCode(), seal.open(p.consigneeAddress()));
        return new Particulars(order, orders.lines(order.id()), buyer, consignee);
    }

    /** @param buyer null for an order placed without identity (duty-paid goods only) */
    public record Particulars(Order order, List<OrderLine> lines, @Nullable Buyer buyer,
                              @Nullable Consignee consignee) {
    }

    public record Buyer(String name, String idNumber, String phone) {
        @Override
        public String toString() {
            return "Buyer[masked]";
        }
    }

    public record Consignee(String name, String phone, String districtCode, String address) {
        @Override
        public String toString() {
            return "Consignee[masked]";
        }
    }
}
