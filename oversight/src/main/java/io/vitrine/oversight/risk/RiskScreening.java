package io.vitrine.oversight.risk;

import io.vitrine.customs.declaration.DeclarationScreening;
import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.orders.ordering.Order;
import io.vitrine.orders.ordering.OrderStatus;
import io.vitrine.orders.ordering.Orders;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/**
 * customs' {@link DeclarationScreening} with the park's rules (issue #9 "Risk control"): each paid order is recorded
 * in the screening history by its blind indexes, the rules of its park run, and an order any rule flags is held
 * ({@link RiskHolding}) instead of declared. Runs in the declaration listener's transaction and tenant, so the
 * history row, the flag and the hold commit with the delivery, once; a redelivery finds the order's flag (held
 * while it is OPEN) or its history row (declared).
 */
@Singleton
class RiskScreening implements DeclarationScreening {

    private final Orders orders;
    private final RiskScopes scopes;
    private final RiskRuleBook rules;
    private final ScreeningHistory history;
    private final RuleEvaluation evaluation;
    private final RiskHolding holding;

    RiskScreening(Orders orders, RiskScopes scopes, RiskRuleBook rules, ScreeningHistory history,
                  RuleEvaluation evaluation, RiskHolding holding) {
        this.orders = orders;
        this.scopes = scopes;
        this.rules = rules;
        this.history = history;
        this.evaluation = evaluation;
        this.holding = holding;
    }

    @Override
    public Verdict screen(TenantId tenant, String orderNo) {
        Optional<RiskFlag> flagged = holding.flagOf(orderNo);
        if (flagged.isPresent()) {
            return flagged.get().status() == FlagStatus.OPEN ? Verdict.HOLD : Verdict.DECLARE;
        }
        Optional<Order> found = orders.find(orderNo);
        if (found.isEmpty() || found.get().status() != OrderStatus.PAID) {
            return Verdict.DECLARE;
        }
        ScreenedOrder order = screened(found.get(), scopes.scopeOf(tenant));
        if (!history.record(order)) {
            return Verdict.DECLARE;
        }
        List<Finding> findings = evaluation.findings(order, rules.of(order.scope()));
        if (findings.isEmpty()) {
            return Verdict.DECLARE;
        }
        return holding.hold(order, findings) ? Verdict.HOLD : Verdict.DECLARE;
    }

    private ScreenedOrder screened(Order order, TenantId scope) {
        var personal = order.personal();
        Money price = order.holdsQuota() ? order.quotaAmount()
                : order.amounts().goodsValue().plus(order.amounts().freight()).plus(order.amounts().insurance());
        return new ScreenedOrder(order.orderNo(), order.tenant(), scope, order.storeCode(), personal.buyerIdIndex(),
                personal.consigneePhoneIndex(), personal.consigneeAddressIndex(), price.fen(),
                order.paidAt() == null ? order.updatedAt() : order.paidAt());
    }
}
