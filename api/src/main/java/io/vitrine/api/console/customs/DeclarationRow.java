package io.vitrine.api.console.customs;

import io.vitrine.api.console.ChinaTimeText;
import io.vitrine.api.customs.DeclarationScopes;
import io.vitrine.customs.declaration.Declaration;

/** One declaration in a list: times in China time, customs' reason when rejected, its tenant for park staff. */
public record DeclarationRow(String orderNo, String tenant, String tenantName, String tradeMode, String status,
                             String orderLeg, String paymentLeg, String inventoryLeg, String reason, String createdAt,
                             String updatedAt) {

    static DeclarationRow of(Declaration d, DeclarationScopes.Scope scope) {
        return new DeclarationRow(d.orderNo(), scope.slugOf(d.tenant()), scope.nameOf(d.tenant()), d.tradeMode(),
                d.status().name(), d.orderLeg().name(), d.paymentLeg().name(), d.inventoryLeg().name(),
                d.rejectionReason() == null ? "" : d.rejectionReason(), ChinaTimeText.of(d.createdAt()),
                ChinaTimeText.of(d.updatedAt()));
    }
}
