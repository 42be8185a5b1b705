package io.vitrine.api.console.park;

import io.vitrine.api.console.ChinaTimeText;
import io.vitrine.tenants.onboarding.MerchantApplication;

/** A merchant application as the queue and the review page show it. */
public record ApplicationRow(String id, String legalName, String slug, String kind, String uscc, String customsCode,
                             String status, String submittedAt, String decidedAt, String rejectReason) {

    static ApplicationRow of(MerchantApplication a) {
        return new ApplicationRow(a.id(), a.legalName(), a.slug(), a.kind().name(), a.uscc(), a.customsCode(),
                a.status().name(), ChinaTimeText.of(a.submittedAt()), ChinaTimeText.of(a.decidedAt()),
                a.rejectReason() == null ? "" : a.rejectReason());
    }
}
