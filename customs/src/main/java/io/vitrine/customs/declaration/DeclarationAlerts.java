package io.vitrine.customs.declaration;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.tenants.alerts.AlertSeverity;
import io.vitrine.tenants.alerts.Alerts;
import io.vitrine.tenants.alerts.NewAlert;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * The alerts a declaration raises for the shop's staff (tenants' {@link Alerts}), each in its own transaction: the
 * delivery that found the problem fails and is retried, the alert stays. One alert per order and kind.
 */
@Singleton
class DeclarationAlerts {

    static final String BLOCKED = "DECLARATION_BLOCKED";

    private final Alerts alerts;

    DeclarationAlerts(Alerts alerts) {
        this.alerts = alerts;
    }

    /**
     * A paid order cannot be declared until the shop acts (its customs settings are missing): the order waits PAID,
     * its declaration retried until it goes, and staff are told what to set.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    public void blocked(String orderNo, String code, String why) {
        alerts.raise(new NewAlert(BLOCKED, AlertSeverity.CRITICAL, orderNo, "Paid order " + orderNo + " cannot be "
                + "declared to customs: " + why + " It is declared as soon as that is fixed.", Map.of("code", code)));
    }
}
