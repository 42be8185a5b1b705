package io.vitrine.oversight.display;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.time.ChinaTime;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.audit.AuditTrail;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Closes a display account once every unit it sent out is back in the zone or sold and declared: the guarantee's
 * release is recorded (day and reference), audited ({@code DISPLAY_ACCOUNT_CLOSED}), and from then on the account
 * refuses movements and renewals (409 {@code DISPLAY_ACCOUNT_CLOSED}) and raises no expiry alerts. Units still on
 * display or sold at the POS without a declaration refuse the closing (409 {@code DISPLAY_UNITS_OUT}, naming each
 * SKU and its units). Under the account's lock, so no movement slips in between the check and the closing.
 */
@Singleton
public class AccountClosing {

    private final DisplayLedger ledger;
    private final AuditTrail audit;
    private final CurrentTenant currentTenant;
    private final Clock clock;

    AccountClosing(DisplayLedger ledger, AuditTrail audit, CurrentTenant currentTenant, Clock clock) {
        this.ledger = ledger;
        this.audit = audit;
        this.currentTenant = currentTenant;
        this.clock = clock;
    }

    @Transactional
    public AccountView close(Actor by, String accountId, CloseForm form) {
        TenantId tenant = currentTenant.require();
        FieldChecks checks = new FieldChecks();
        LocalDate releasedOn = DisplayTerms.date(checks, "releasedOn", form.releasedOn());
        if (releasedOn != null && releasedOn.isAfter(ChinaTime.today(clock))) {
            releasedOn = checks.fail("releasedOn", "NOT_IN_FUTURE",
                    "the day the guarantee was released: today or before");
        }
        String reference = checks.text("releaseReference", form.releaseReference(), DisplayTerms.MAX_REFERENCE);
        checks.throwIfAny();
        DisplayAccount account = ledger.lockAccount(tenant, accountId).orElseThrow(DisplayAccounts::notFound);
        refuseIfClosed(account);
        List<DisplayBalance> balances = ledger.balances(tenant, accountId);
        List<DisplayBalance> out = balances.stream().filter(balance -> balance.outstanding() > 0).toList();
        if (!out.isEmpty()) {
            throw new ConflictException("DISPLAY_UNITS_OUT", "Display account " + accountId + " cannot close while "
                    + "units are out: " + out.stream().map(AccountClosing::units).collect(Collectors.joining("; "))
                    + ". Return them to the zone or declare their sale first.");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        DisplayAccount closed = account.closedWith(new GuaranteeRelease(releasedOn, reference, now));
        ledger.close(closed);
        audit.record(by, tenant, "DISPLAY_ACCOUNT_CLOSED", DisplayAccounts.SUBJECT, accountId, "store "
                + account.storeCode() + ", warehouse " + account.warehouseCode() + ", guarantee ref "
                + account.guarantee().reference() + " released on " + releasedOn + ", release ref " + reference);
        return new AccountView(closed, balances);
    }

    /** 409 {@code DISPLAY_ACCOUNT_CLOSED} for a closed account: it takes no movement, renewal or second closing. */
    static void refuseIfClosed(DisplayAccount account) {
        if (account.closed()) {
            GuaranteeRelease release = account.release();
            throw new ConflictException("DISPLAY_ACCOUNT_CLOSED", "Display account " + account.id() + " was closed "
                    + "(guarantee released on " + release.releasedOn() + ", ref " + release.reference()
                    + "): a closed account takes no movements or renewals.");
        }
    }

    private static String units(DisplayBalance balance) {
        return balance.sku() + ": " + balance.onDisplay() + " on display, " + balance.awaitingDeclaration()
                + " sold at the POS and not declared";
    }
}
