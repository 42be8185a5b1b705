package io.vitrine.kernel.money;

import io.vitrine.kernel.error.InvalidInputException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An amount of Chinese yuan, held exactly as a whole number of fen (1 CNY = 100 fen). Every amount
 * the platform handles is CNY (customs currency 142), so the currency is implied, not stored.
 *
 * <p>Rounding: the one place fractions of a fen appear is multiplying by a rate (taxes, discounts).
 * It rounds half-up to the fen (四舍五入), the rule Chinese tax computation and customs tax receipts
 * use; banker's rounding would make our tax differ by a fen from what customs computes.
 * Negative amounts round symmetrically (-0.5 fen -> -1 fen).
 */
public record Money(long fen) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    /** Plain decimal: optional minus, digits, optional fraction. No grouping, sign '+' or exponent. */
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,17}(\\.\\d{1,5})?");

    public static Money ofFen(long fen) {
        return new Money(fen);
    }

    /** Exact conversion from yuan; a value with a fraction of a fen is refused, never rounded. */
    public static Money ofYuan(BigDecimal yuan) {
        try {
            return new Money(yuan.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("not a whole number of fen: " + yuan.toPlainString(), e);
        }
    }

    /**
     * Parses a plain yuan amount such as {@code "12.34"}, {@code "12"} or a customs decimal(19,5)
     * such as {@code "12.34000"}. Digits beyond the fen must be zeros.
     */
    public static Money parse(String yuan) {
        String text = yuan == null ? "" : yuan.trim();
        if (!DECIMAL.matcher(text).matches()) {
            throw InvalidInputException.of("amount", "not a plain yuan amount like 12.34");
        }
        BigDecimal value = new BigDecimal(text).stripTrailingZeros();
        if (value.scale() > 2) {
            throw InvalidInputException.of("amount", "an amount has at most two decimals (fen)");
        }
        return ofYuan(value);
    }

    public static Money sum(Collection<Money> amounts) {
        return amounts.stream().reduce(ZERO, Money::plus);
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(fen, other.fen));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(fen, other.fen));
    }

    public Money negate() {
        return new Money(Math.negateExact(fen));
    }

    /** Price times quantity. */
    public Money times(long quantity) {
        return new Money(Math.multiplyExact(fen, quantity));
    }

    /** Amount times a rate (e.g. 0.091 for the 9.1% comprehensive tax), rounded half-up to the fen. */
    public Money times(BigDecimal rate) {
        BigDecimal exact = BigDecimal.valueOf(fen).multiply(rate);
        return new Money(exact.setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    /**
     * Splits this amount into parts proportional to {@code weights}; the parts always sum to this
     * amount. Each part first gets the floor of its exact share; the fen left over go one each to
     * the parts with the largest fractional remainders, ties to the earlier part, so the result is
     * deterministic (largest-remainder method). A zero weight gets nothing.
     */
    public List<Money> allocate(List<Long> weights) {
        BigInteger total = BigInteger.ZERO;
        for (Long weight : weights) {
            if (weight < 0) {
                throw new IllegalArgumentException("weights are not negative");
            }
            total = total.add(BigInteger.valueOf(weight));
        }
        if (total.signum() == 0) {
            throw new IllegalArgumentException("at least one weight is positive");
        }
        // allocate the magnitude, then restore the sign, so negative amounts split symmetrically
        BigInteger magnitude = BigInteger.valueOf(fen).abs();
        long[] parts = new long[weights.size()];
        BigInteger[] remainders = new BigInteger[weights.size()];
        long allocated = 0;
        for (int i = 0; i < parts.length; i++) {
            BigInteger[] share = magnitude.multiply(BigInteger.valueOf(weights.get(i))).divideAndRemainder(total);
            parts[i] = share[0].longValueExact();
            remainders[i] = share[1];
            allocated += parts[i];
        }
        long left = magnitude.longValueExact() - allocated;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> remainders[i]).reversed().thenComparing(i -> i));
        for (int k = 0; k < left; k++) {
            parts[order.get(k)]++;
        }
        List<Money> result = new ArrayList<>(parts.length);
        for (long part : parts) {
            result.add(new Money(fen < 0 ? -part : part));
        }
        return List.copyOf(result);
    }

    /**
     * Apportions this amount across {@code values} in proportion to them, e.g. an order's freight
     * across its lines by line value (domain.md: the dutiable value of each line includes its
     * share of freight and insurance). Values must not be negative.
     */
    public List<Money> apportionBy(List<Money> values) {
        return allocate(values.stream().map(Money::fen).toList());
    }

    public boolean isZero() {
        return fen == 0;
    }

    public boolean isNegative() {
        return fen < 0;
    }

    public boolean isPositive() {
        return fen > 0;
    }

    public boolean isGreaterThan(Money other) {
        return fen > other.fen;
    }

    public boolean isLessThan(Money other) {
        return fen < other.fen;
    }

    public Money max(Money other) {
        return fen >= other.fen ? this : other;
    }

    public Money min(Money other) {
        return fen <= other.fen ? this : other;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(fen, other.fen);
    }

    /** The amount in yuan with exactly two decimals. */
    public BigDecimal toYuan() {
        return BigDecimal.valueOf(fen, 2);
    }

    /**
     * {@code "1234.56"}: Alipay's {@code total_amount} and the customs messages' decimal(19,5)
     * amount fields (two decimals are a valid decimal(19,5) value).
     */
    public String toPlainString() {
        return toYuan().toPlainString();
    }

    /** {@code "¥1,234.56"} for people; negative amounts as {@code "-¥1,234.56"}. */
    public String toDisplayString() {
        // a new DecimalFormat per call: the class is not thread-safe
        DecimalFormat grouped = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        String digits = grouped.format(toYuan().abs());
        return (fen < 0 ? "-¥" : "¥") + digits;
    }

    @Override
    public String toString() {
        return "CNY " + toPlainString();
    }
}
