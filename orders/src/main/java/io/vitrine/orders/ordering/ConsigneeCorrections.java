package io.vitrine.orders.ordering;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.kernel.error.NotFoundException;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Corrects the consignee of an order customs refused (issue #6 "corrections"), before its declaration is sent again:
 * the fields are checked as at placement ({@code consignee.<field>} with its rule, 400, nothing changes), sealed and
 * indexed like the original, and the timeline says who corrected which fields — never their values. Only while the
 * order is REJECTED (409 otherwise): once declared again, what customs holds is what was sent. The buyer is never
 * corrected here: their identity was checked against the payer's with the payment, so a wrong buyer is a cancelled
 * order, not a correction.
 */
@Singleton
public class ConsigneeCorrections {

    private final Orders orders;
    private final OrderTransitions transitions;
    private final PersonalDataSeal seal;

    ConsigneeCorrections(Orders orders, OrderTransitions transitions, PersonalDataSeal seal) {
        this.orders = orders;
        this.transitions = transitions;
        this.seal = seal;
    }

    /** Checks the corrected consignee without touching anything (400 with each bad field). */
    public static void check(PlaceOrder.Consignee corrected) {
        FieldChecks checks = new FieldChecks();
        if (corrected == null) {
            checks.fail("consignee", "REQUIRED", "is required");
        } else {
            ConsigneeChecks.check(corrected, checks);
        }
        checks.throwIfAny();
    }

    /**
     * In the caller's transaction (or its own), the order locked: the consignee replaced and a timeline note naming
     * the changed fields. The same consignee again changes nothing and answers false.
     */
    @Transactional
    public boolean correct(String orderNo, String actor, PlaceOrder.Consignee corrected) {
        check(corrected);
        PersonalDataSeal.ValidConsignee valid = ConsigneeChecks.check(corrected, new FieldChecks());
        Order order = orders.lock(orderNo).orElseThrow(() -> new NotFoundException("No such order."));
        if (order.status() != OrderStatus.REJECTED) {
            throw new ConflictException("An order " + order.status().name()
                    + " cannot have its consignee corrected: only while customs' rejection is open.");
        }
        SealedPersonalData p = order.personal();
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(seal.open(p.consigneeName()), valid.name())) {
            changed.add("name");
        }
        if (!Objects.equals(seal.open(p.consigneePhone()), valid.phone())) {
            changed.add("phone");
        }
        if (!Objects.equals(p.consigneeDistrictCode(), valid.districtCode())) {
            changed.add("districtCode");
        }
        if (!Objects.equals(seal.open(p.consigneeAddress()), valid.address())) {
            changed.add("address");
        }
        if (changed.isEmpty()) {
            return false;
        }
        Order written = orders.updateConsignee(order.withPersonal(seal.withConsignee(p, valid), transitions.now()));
        transitions.note(written, actor, "consignee corrected (" + String.join(", ", changed) + ")");
        return true;
    }
}
