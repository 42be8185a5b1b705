package io.vitrine.oversight.display;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.time.ChinaTime;
import io.vitrine.tenants.alerts.AlertSeverity;
import io.vitrine.tenants.alerts.Alerts;
import io.vitrine.tenants.alerts.NewAlert;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

/**
 * The alerts of one account, in one transaction: DISPLAY_PERIOD_ENDING and DISPLAY_GUARANTEE_EXPIRING, raised in the
 * retailer's tenant and in its park's (both list them, and each tenant's webhook gets its own through the outbox).
 * The subject names the account, the date and the threshold, so each threshold is raised once (alerts are unique
 * per tenant, kind and subject) and a renewed period or guarantee arms them again.
 */
@Singleton
class DisplayExpiryAlerts {

    static final String PERIOD_ENDING = "DISPLAY_PERIOD_ENDING";
    static final String GUARANTEE_EXPIRING = "DISPLAY_GUARANTEE_EXPIRING";

    private final Alerts alerts;
    private final ExpiryThresholds thresholds;
    private final Clock clock;

    DisplayExpiryAlerts(Alerts alerts, ExpiryThresholds thresholds, Clock clock) {
        this.alerts = alerts;
        this.thresholds = thresholds;
        this.clock = clock;
    }

    /** How many alerts this raised (0 when each was raised before). */
    @Transactional
    public int raiseDue(DisplayAccount account, long onDisplay) {
        LocalDate today = ChinaTime.today(clock);
        int raised = 0;
        raised += raise(account, PERIOD_ENDING, "display period", account.period().to(), today, onDisplay);
        raised += raise(account, GUARANTEE_EXPIRING, "guarantee " + account.guarantee().reference(),
                account.guarantee().expiresOn(), today, onDisplay);
        return raised;
    }

    private int raise(DisplayAccount account, String kind, String what, LocalDate ends, LocalDate today,
                      long onDisplay) {
        long daysLeft = ChronoUnit.DAYS.between(today, ends);
        Integer threshold = thresholds.reached(daysLeft).orElse(null);
        if (threshold == null) {
            return 0;
        }
        String subject = account.id() + ":" + ends + ":" + threshold + "d";
        String message = "Store " + account.storeCode() + " (warehouse " + account.warehouseCode() + "): the " + what
                + (daysLeft >= 0 ? " ends on " + ends + ", in " + daysLeft + " days" : " ended on " + ends)
                + ", with " + onDisplay + " units on display: return them to the zone, or renew.";
        Map<String, String> details = new TreeMap<>();
        details.put("accountId", account.id());
        details.put("storeCode", account.storeCode());
        details.put("warehouseCode", account.warehouseCode());
        details.put("endsOn", ends.toString());
        details.put("daysLeft", Long.toString(daysLeft));
        details.put("thresholdDays", Integer.toString(threshold));
        details.put("onDisplay", Long.toString(onDisplay));
        NewAlert alert = new NewAlert(kind, daysLeft < 0 ? AlertSeverity.CRITICAL : AlertSeverity.WARNING, subject,
                message.length() > 500 ? message.substring(0, 500) : message, details);
        int raised = TenantContext.callAs(account.tenant(), () -> alerts.raise(alert)) ? 1 : 0;
        raised += TenantContext.callAs(TenantId.of(account.parkId()), () -> alerts.raise(alert)) ? 1 : 0;
        return raised;
    }
}
