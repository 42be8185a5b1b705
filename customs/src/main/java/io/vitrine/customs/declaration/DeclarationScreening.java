package io.vitrine.customs.declaration;

import io.vitrine.kernel.tenancy.TenantId;

/**
 * A check a paid order passes before its CEB311 is prepared (issue #9 "Risk control"): customs asks, another
 * module answers (oversight's park rules). With no implementation every order is declared. Called inside the
 * declaration listener's transaction, in the order's tenant: whatever it writes (the hold, its flag) commits with
 * the event's delivery, once. An order it holds is declared later only on {@link ReleasedFromHold}.
 */
public interface DeclarationScreening {

    Verdict screen(TenantId tenant, String orderNo);

    enum Verdict {
        /** Declare it now. */
        DECLARE,
        /** Keep it ON_HOLD for review: nothing is declared. */
        HOLD
    }
}
