package io.vitrine.orders.compliance;

import java.util.List;

/** What the compliance rules answer for one checkout: accepted with its tax and totals, or refused. */
public sealed interface CheckoutDecision {

    /** The checkout passes every rule. */
    record Accepted(AcceptedCheckout checkout) implements CheckoutDecision {
    }

    /** At least one rule refuses; every refusal that applies, in {@link ComplianceRule} order. */
    record Refused(List<Refusal> refusals) implements CheckoutDecision {

        public Refused {
            refusals = List.copyOf(refusals);
            if (refusals.isEmpty()) {
                throw new IllegalArgumentException("a refused checkout names at least one refusal");
            }
        }

        /** The response's {@code code}: the first refusal's. */
        public String code() {
            return refusals.get(0).code();
        }

        public CheckoutRefusedException exception() {
            return new CheckoutRefusedException(refusals);
        }
    }

    /** The accepted checkout, or {@link CheckoutRefusedException} (422 with the first refusal's code). */
    default AcceptedCheckout orThrow() {
        if (this instanceof Refused refused) {
            throw refused.exception();
        }
        return ((Accepted) this).checkout();
    }
}
