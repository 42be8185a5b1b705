package io.vitrine.orders.returns;

import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.kernel.outbox.OutboxEvent;
import io.vitrine.kernel.tenancy.TenantId;

import java.time.Instant;
import java.util.List;

/**
 * The retailer approved a return (outbox event {@value #TYPE}, once, in the transaction that approves it): customs is
 * to send the return request (CEB625: one head per order, a list line per returned item by its order line number).
 */
@Serdeable
public record ReturnApproved(TenantId tenant, String returnNo, String orderNo, Instant releasedAt, Instant approvedAt,
                             List<Line> lines) implements OutboxEvent {

    public static final String TYPE = "orders.ReturnApproved";

    @Serdeable
    public record Line(int lineNo, String sku, int qty) {
    }

    static ReturnApproved of(TenantId tenant, ReturnRequest approved) {
        return new ReturnApproved(tenant, approved.returnNo(), approved.orderNo(), approved.releasedAt(),
                approved.decidedAt(), approved.lines().stream()
                .map(line -> new Line(line.lineNo(), line.sku(), line.quantity())).toList());
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String businessKey() {
        return returnNo;
    }
}
