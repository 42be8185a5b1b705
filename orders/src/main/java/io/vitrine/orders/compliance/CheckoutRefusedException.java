package io.vitrine.orders.compliance;

import io.vitrine.kernel.error.BusinessRuleException;

import java.util.List;

/**
 * A checkout refused by the compliance rules (HTTP 422): the code and message are the first refusal's (the
 * response's {@code code}); {@link #refusals()} lists every rule that refused, in evaluation order, for a form that
 * shows them all at once.
 */
public class CheckoutRefusedException extends BusinessRuleException {

    private final transient List<Refusal> refusals;

    public CheckoutRefusedException(List<Refusal> refusals) {
        super(refusals.get(0).code(), refusals.get(0).message());
        this.refusals = List.copyOf(refusals);
    }

    public List<Refusal> refusals() {
        return refusals;
    }
}
