package io.vitrine.oversight.display;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.tenants.access.Actor;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Records a movement on a display account (retailer admins): the form is checked field by field (400, nothing
 * changed), then {@link MovementRecording} records it in one transaction. Exactly once per client key: the same key
 * with the same movement answers the first one ({@code replayed}), with another movement 409
 * {@code MOVEMENT_KEY_REUSED}; two requests racing with one key meet on the key's unique index, and the loser is
 * asked again and answered as a retry.
 */
@Singleton
public class DisplayMovements {

    static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    static final long MAX_QUANTITY = 1_000_000L;
    static final int MAX_NOTE = 500;

    private final MovementRecording recording;

    DisplayMovements(MovementRecording recording) {
        this.recording = recording;
    }

    public RecordedMovement record(Actor by, String accountId, MovementForm form) {
        Request request = check(form);
        try {
            return recording.record(by, accountId, request);
        } catch (MovementKeyTakenException raced) { // another request with this key committed first
            return recording.record(by, accountId, request);
        }
    }

    /** A checked movement request. */
    record Request(String movementKey, MovementKind kind, String sku, long quantity, @Nullable String orderNo,
                   @Nullable String note) {
    }

    static Request check(MovementForm form) {
        FieldChecks checks = new FieldChecks();
        String key = checks.matching("movementKey", form.movementKey(), KEY, "MOVEMENT_KEY_FORM",
                "1-64 of A-Z a-z 0-9 . _ : -, chosen by the client and sent again on a retry");
        MovementKind kind = checks.oneOf("kind", form.kind(), MovementKind.class);
        String sku = checks.text("sku", form.sku(), 64);
        Long quantity = quantity(checks, form.quantity());
        String orderNo = checks.optionalText("orderNo", form.orderNo(), 32);
        if (kind == MovementKind.SOLD_DECLARED && orderNo == null && !checks.hasErrors()) {
            checks.fail("orderNo", "REQUIRED", "a sample declared sold names its order");
        }
        if (kind == MovementKind.SOLD_AT_POS) {
            kind = checks.fail("kind", "POS_ONLY", "SOLD_AT_POS is recorded from the store's POS sales only");
        }
        if (kind != null && kind != MovementKind.SOLD_DECLARED && orderNo != null) {
            checks.fail("orderNo", "ONLY_WHEN_SOLD", "only a SOLD_DECLARED movement names an order");
        }
        String note = checks.optionalText("note", form.note(), MAX_NOTE);
        checks.throwIfAny();
        return new Request(key, kind, sku, quantity, orderNo, note);
    }

    @Nullable
    private static Long quantity(FieldChecks checks, @Nullable BigDecimal value) {
        if (value == null) {
            return checks.fail("quantity", "REQUIRED", "is required");
        }
        if (value.stripTrailingZeros().scale() > 0) {
            return checks.fail("quantity", "WHOLE_NUMBER", "whole units");
        }
        if (value.compareTo(BigDecimal.ONE) < 0 || value.compareTo(BigDecimal.valueOf(MAX_QUANTITY)) > 0) {
            return checks.fail("quantity", "QUANTITY_RANGE", "from 1 to " + MAX_QUANTITY);
        }
        return value.longValueExact();
    }
}
