package io.vitrine.api.oversight.display;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.oversight.display.AccountForm;
import io.vitrine.oversight.display.CloseForm;
import io.vitrine.oversight.display.GuaranteeRelease;
import io.vitrine.oversight.display.AccountView;
import io.vitrine.oversight.display.DisplayAccount;
import io.vitrine.oversight.display.DisplayBalance;
import io.vitrine.oversight.display.DisplayMovement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The JSON shapes of the display ledger's endpoints (oversight/README.md "HTTP"). */
final class DisplayJson {

    private DisplayJson() {
    }

    /** {@code {storeCode, warehouseCode?, guarantee{amountFen, reference, expiresOn}, displayFrom, displayTo}} */
    @Serdeable
    record AccountRequest(@Nullable String storeCode, @Nullable String warehouseCode,
                          @Nullable GuaranteeRequest guarantee, @Nullable String displayFrom,
                          @Nullable String displayTo) {

        AccountForm form() {
            GuaranteeRequest g = guarantee == null ? new GuaranteeRequest(null, null, null) : guarantee;
            return new AccountForm(storeCode, warehouseCode, g.amountFen(), g.reference(), g.expiresOn(), displayFrom,
                    displayTo);
        }
    }

    @Serdeable
    record GuaranteeRequest(@Nullable BigDecimal amountFen, @Nullable String reference, @Nullable String expiresOn) {
    }

    /** {@code {movementKey, kind, sku, quantity, orderNo?, note?}} */
    @Serdeable
    record MovementRequest(@Nullable String movementKey, @Nullable String kind, @Nullable String sku,
                           @Nullable BigDecimal quantity, @Nullable String orderNo, @Nullable String note) {
    }

    /** {@code {releasedOn, releaseReference}} */
    @Serdeable
    record CloseRequest(@Nullable String releasedOn, @Nullable String releaseReference) {

        CloseForm form() {
            return new CloseForm(releasedOn, releaseReference);
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record GuaranteeView(long amountFen, String amountYuan, String reference, LocalDate expiresOn) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record AccountJson(String id, @Nullable String member, String storeCode, String warehouseCode,
                       GuaranteeView guarantee, LocalDate displayFrom, LocalDate displayTo, long onDisplay,
                       List<DisplayBalance> balances, String status, @Nullable GuaranteeRelease release,
                       Instant createdAt, Instant updatedAt) {

        static AccountJson of(AccountView view) {
            return of(null, view);
        }

        static AccountJson of(@Nullable String member, AccountView view) {
            DisplayAccount a = view.account();
            return new AccountJson(a.id(), member, a.storeCode(), a.warehouseCode(),
                    new GuaranteeView(a.guarantee().amount().fen(), a.guarantee().amount().toPlainString(),
                            a.guarantee().reference(), a.guarantee().expiresOn()),
                    a.period().from(), a.period().to(), view.onDisplay(), view.balances(),
                    a.closed() ? "CLOSED" : "OPEN", a.release(), a.createdAt(), a.updatedAt());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record MovementJson(String id, String accountId, String movementKey, String kind, String sku, long quantity,
                        @Nullable String orderNo, @Nullable String note, long onDisplayAfter, String actorId,
                        @Nullable String actorName, Instant occurredAt) {

        static MovementJson of(DisplayMovement m) {
            return new MovementJson(m.id(), m.accountId(), m.movementKey(), m.kind().name(), m.sku(), m.quantity(),
                    m.orderNo(), m.note(), m.onDisplayAfter(), m.actorId(), m.actorName(), m.occurredAt());
        }
    }
}
