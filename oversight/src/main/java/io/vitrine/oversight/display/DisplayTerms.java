package io.vitrine.oversight.display;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.kernel.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The guarantee and display period of an account form, checked field by field: every failure at once (400), each
 * naming its field and rule. Nothing is stored before these pass.
 */
final class DisplayTerms {

    /** A guarantee above 10 billion yuan is a typo, not a guarantee. */
    static final long MAX_GUARANTEE_FEN = 1_000_000_000_000L;
    static final int MAX_REFERENCE = 64;

    private DisplayTerms() {
    }

    record Terms(Guarantee guarantee, DisplayPeriod period) {
    }

    static Terms check(FieldChecks checks, AccountForm form) {
        Money amount = amount(checks, form.guaranteeAmountFen());
        String reference = checks.text("guarantee.reference", form.guaranteeReference(), MAX_REFERENCE);
        LocalDate expiresOn = date(checks, "guarantee.expiresOn", form.guaranteeExpiresOn());
        LocalDate from = date(checks, "displayFrom", form.displayFrom());
        LocalDate to = date(checks, "displayTo", form.displayTo());
        if (from != null && to != null && to.isBefore(from)) {
            to = checks.fail("displayTo", "PERIOD_ORDER", "the display period ends on or after displayFrom");
        }
        if (to != null && expiresOn != null && expiresOn.isBefore(to)) {
            expiresOn = checks.fail("guarantee.expiresOn", "GUARANTEE_SHORTER_THAN_PERIOD",
                    "the guarantee must hold until the display period ends (" + to + ")");
        }
        if (checks.hasErrors()) {
            return null;
        }
        return new Terms(new Guarantee(amount, reference, expiresOn), new DisplayPeriod(from, to));
    }

    @Nullable
    private static Money amount(FieldChecks checks, @Nullable BigDecimal fen) {
        if (fen == null) {
            return checks.fail("guarantee.amountFen", "REQUIRED", "is required");
        }
        if (fen.stripTrailingZeros().scale() > 0) {
            return checks.fail("guarantee.amountFen", "WHOLE_FEN", "whole fen (1 CNY = 100 fen)");
        }
        if (fen.signum() <= 0 || fen.compareTo(BigDecimal.valueOf(MAX_GUARANTEE_FEN)) > 0) {
            return checks.fail("guarantee.amountFen", "AMOUNT_RANGE", "from 1 to " + MAX_GUARANTEE_FEN + " fen");
        }
        return Money.ofFen(fen.longValueExact());
    }

    @Nullable
    static LocalDate date(FieldChecks checks, String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return checks.fail(field, "REQUIRED", "is required");
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return checks.fail(field, "DATE", "a China date yyyy-MM-dd, e.g. 2026-12-31");
        }
    }
}
