package io.vitrine.oversight.risk;

import io.vitrine.kernel.tenancy.TenantId;

/**
 * A member's compliance (see {@link ComplianceScores} for the period), 0–100 (100: nothing against it): the
 * share of its declarations customs rejected weighs 40 points, its returns per declaration 30, its risk flags per
 * declaration 30 (each share capped at 1).
 */
public record ComplianceScore(TenantId tenant, long declarations, long rejections, long returns, long flags,
                              int score) {

    static ComplianceScore of(TenantId tenant, long declarations, long rejections, long returns, long flags) {
        double base = Math.max(1, declarations);
        double lost = 40 * Math.min(1.0, rejections / base) + 30 * Math.min(1.0, returns / base)
                + 30 * Math.min(1.0, flags / base);
        return new ComplianceScore(tenant, declarations, rejections, returns, flags,
                (int) Math.max(0, Math.min(100, Math.round(100 - lost))));
    }
}
