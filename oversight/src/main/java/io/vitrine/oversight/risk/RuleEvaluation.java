package io.vitrine.oversight.risk;

import io.vitrine.orders.compliance.CrossBorderLimits;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a park's rules on one screened order (already recorded in the history, so every count includes it). A rule
 * that is off, or that needs an index the order lacks (a duty-paid order has no buyer identity), finds nothing.
 */
@Singleton
public class RuleEvaluation {

    /** SALES_SPIKE compares the window with this many windows before it. */
    static final int SPIKE_BASELINE_WINDOWS = 7;

    private final ScreeningHistory history;

    RuleEvaluation(ScreeningHistory history) {
        this.history = history;
    }

    public List<Finding> findings(ScreenedOrder order, ParkRules rules) {
        List<Finding> found = new ArrayList<>();
        for (RuleSettings settings : rules.all()) {
            if (settings.enabled()) {
                check(order, settings).ifPresent(found::add);
            }
        }
        return found;
    }

    private Optional<Finding> check(ScreenedOrder order, RuleSettings s) {
        return switch (s.rule()) {
            case FREQUENT_BUYER -> frequentBuyer(order, s);
            case PROXY_BUYING -> proxyBuying(order, s);
            case ORDER_SPLITTING -> orderSplitting(order, s);
            case IDENTITY_FAILURES -> identityFailures(order, s);
            case SALES_SPIKE -> salesSpike(order, s);
        };
    }

    private Optional<Finding> frequentBuyer(ScreenedOrder order, RuleSettings s) {
        if (order.buyerIdIndex() == null) {
            return Optional.empty();
        }
        int orders = history.ordersOfBuyer(order.scope(), order.buyerIdIndex(), from(order, s), order.paidAt());
        return finding(s, orders, orders + " orders of one ID number within " + s.windowHours() + " h");
    }

    private Optional<Finding> proxyBuying(ScreenedOrder order, RuleSettings s) {
        int toAddress = order.consigneeAddressIndex() == null ? 0
                : history.buyersToAddress(order.scope(), order.consigneeAddressIndex(), from(order, s), order.paidAt());
        int toPhone = order.consigneePhoneIndex() == null ? 0
                : history.buyersToPhone(order.scope(), order.consigneePhoneIndex(), from(order, s), order.paidAt());
        if (toAddress >= toPhone) {
            return finding(s, toAddress, toAddress + " ID numbers shipping to one address within " + s.windowHours()
                    + " h");
        }
        return finding(s, toPhone, toPhone + " ID numbers shipping to one consignee phone within " + s.windowHours()
                + " h");
    }

    private Optional<Finding> orderSplitting(ScreenedOrder order, RuleSettings s) {
        long floor = nearLimitFloorFen(s);
        if (order.buyerIdIndex() == null || order.priceFen() < floor) {
            return Optional.empty();
        }
        int orders = history.ordersOfBuyerFrom(order.scope(), order.buyerIdIndex(), floor, from(order, s),
                order.paidAt());
        return finding(s, orders, orders + " orders of one ID number of at least " + floor / 100 + " CNY (" + s.ratioPercent()
                + " % of the single-transaction limit) within " + s.windowHours() + " h");
    }

    private Optional<Finding> identityFailures(ScreenedOrder order, RuleSettings s) {
        if (order.buyerIdIndex() == null) {
            return Optional.empty();
        }
        int failures = history.identityFailuresOfBuyer(order.scope(), order.buyerIdIndex(), from(order, s),
                order.paidAt());
        return finding(s, failures, failures + " earlier orders of one ID number refused (payer not the buyer) within "
                + s.windowHours() + " h");
    }

    private Optional<Finding> salesSpike(ScreenedOrder order, RuleSettings s) {
        Instant from = from(order, s);
        int now = history.storeOrders(order.tenant(), order.storeCode(), from, order.paidAt());
        if (now < s.threshold()) {
            return Optional.empty();
        }
        Instant baselineFrom = from.minus(Duration.ofHours((long) s.windowHours() * SPIKE_BASELINE_WINDOWS));
        int before = history.storeOrders(order.tenant(), order.storeCode(), baselineFrom, from.minusNanos(1000));
        // usual pace: the average per window over the seven before, at least one order
        double usual = Math.max(1.0, before / (double) SPIKE_BASELINE_WINDOWS);
        if (now * 100.0 <= usual * s.ratioPercent()) {
            return Optional.empty();
        }
        return Optional.of(new Finding(s.rule(), "store " + order.storeCode() + ": " + now + " orders within "
                + s.windowHours() + " h, usual pace " + String.format(java.util.Locale.ROOT, "%.1f", usual)
                + " (threshold " + s.threshold() + ", above " + s.ratioPercent() + " %)"));
    }

    /** The lowest transaction price ORDER_SPLITTING counts: ratioPercent of the single-transaction limit. */
    static long nearLimitFloorFen(RuleSettings s) {
        return CrossBorderLimits.SINGLE_TRANSACTION.fen() * s.ratioPercent() / 100;
    }

    private static Instant from(ScreenedOrder order, RuleSettings s) {
        return order.paidAt().minus(Duration.ofHours(s.windowHours()));
    }

    private static Optional<Finding> finding(RuleSettings s, int count, String evidence) {
        return count >= s.threshold()
                ? Optional.of(new Finding(s.rule(), evidence + " (threshold " + s.threshold() + ")"))
                : Optional.empty();
    }
}
