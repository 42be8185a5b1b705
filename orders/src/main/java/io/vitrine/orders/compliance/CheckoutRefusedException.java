package io.vitrine.orders.compliance;

import io.vitrine.kernel.error.BusinessRuleException;

import java.util.List;

/**
 * A checkout refused by the compliance rules, or a cart refused by a {@link CartRule} (HTTP 422): the code and
 * message are the first refusal's (the response's {@code code}); {@link #refusals()} lists every rule that refused,
 * in evaluation order, for a form that shows them all at once. The api answers each refusal's sentence in the
 * shopper's language.
 */
public class CheckoutRefusedException extends BusinessRuleException {

    private final transient List<Refusal> refusals;

    public CheckoutRefusedException(List<Refusal> refusals) {
        super(refusals.get(0).code(), refusals.get(0).message());
        this.refusals = List.copyOf(refusals);
    }

    /** One rule refusing. */
    public static CheckoutRefusedException of(Refusal refusal) {
        return new CheckoutRefusedException(List.of(refusal));
    }

    public List<Refusal> refusals() {
        return refusals;
    }
}
