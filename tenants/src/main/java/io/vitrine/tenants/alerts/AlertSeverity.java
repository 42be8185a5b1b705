package io.vitrine.tenants.alerts;

/** How urgently staff should look at an alert. */
public enum AlertSeverity {
    INFO,
    WARNING,
    /** Money or a customs obligation is at stake (a payment of the wrong amount). */
    CRITICAL
}
