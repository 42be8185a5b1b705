package io.vitrine.oversight.display;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.id.Ids;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.audit.AuditTrail;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The current tenant's display accounts: opened per (store, bonded warehouse) with a guarantee and a display period,
 * renewed (a new guarantee or an extended period), read with their balances. Every change is audited in its
 * transaction; another tenant's account is 404.
 */
@Singleton
public class DisplayAccounts {

    static final String SUBJECT = "display-account";

    private final DisplayLedger ledger;
    private final AccountPlace place;
    private final AuditTrail audit;
    private final CurrentTenant currentTenant;
    private final Ids ids;
    private final Clock clock;

    DisplayAccounts(DisplayLedger ledger, AccountPlace place, AuditTrail audit, CurrentTenant currentTenant, Ids ids,
                    Clock clock) {
        this.ledger = ledger;
        this.place = place;
        this.audit = audit;
        this.currentTenant = currentTenant;
        this.ids = ids;
        this.clock = clock;
    }

    /** 201; the same store and warehouse again is 409 {@code DISPLAY_ACCOUNT_EXISTS}. */
    @Transactional
    public AccountView open(Actor by, AccountForm form) {
        TenantId tenant = currentTenant.require();
        FieldChecks checks = new FieldChecks();
        String store = checks.text("storeCode", form.storeCode(), 32);
        DisplayTerms.Terms terms = DisplayTerms.check(checks, form);
        checks.throwIfAny();
        AccountPlace.Place at = place.resolve(by, tenant, store, form.warehouseCode());
        if (ledger.accountExists(tenant, at.storeCode(), at.warehouseCode())) {
            throw new ConflictException("DISPLAY_ACCOUNT_EXISTS", "Store " + at.storeCode()
                    + " already has a display account for warehouse " + at.warehouseCode() + ": renew that one.");
        }
        Instant now = now();
        DisplayAccount account = new DisplayAccount(ids.nextId(), tenant, at.park().value(), at.storeCode(),
                at.warehouseCode(), terms.guarantee(), terms.period(), now, now, null);
        ledger.insertAccount(account);
        audit.record(by, tenant, "DISPLAY_ACCOUNT_OPENED", SUBJECT, account.id(), describe(account));
        return new AccountView(account, List.of());
    }

    /** A new guarantee or period for the account (store and warehouse stay); a closed account's is 409. */
    @Transactional
    public AccountView renew(Actor by, String accountId, AccountForm form) {
        TenantId tenant = currentTenant.require();
        FieldChecks checks = new FieldChecks();
        DisplayTerms.Terms terms = DisplayTerms.check(checks, form);
        checks.throwIfAny();
        DisplayAccount account = ledger.lockAccount(tenant, accountId).orElseThrow(DisplayAccounts::notFound);
        AccountClosing.refuseIfClosed(account);
        DisplayAccount renewed = account.renewed(terms.guarantee(), terms.period(), now());
        ledger.updateTerms(renewed);
        audit.record(by, tenant, "DISPLAY_ACCOUNT_RENEWED", SUBJECT, accountId, describe(renewed));
        return new AccountView(renewed, ledger.balances(tenant, accountId));
    }

    @Transactional(readOnly = true)
    public List<AccountView> list() {
        TenantId tenant = currentTenant.require();
        return ledger.accounts(tenant).stream()
                .map(account -> new AccountView(account, ledger.balances(tenant, account.id()))).toList();
    }

    @Transactional(readOnly = true)
    public AccountView get(String accountId) {
        TenantId tenant = currentTenant.require();
        DisplayAccount account = ledger.account(tenant, accountId).orElseThrow(DisplayAccounts::notFound);
        return new AccountView(account, ledger.balances(tenant, accountId));
    }

    /** The account's movements, newest first, one page. */
    @Transactional(readOnly = true)
    public MovementPage movements(String accountId, int page, int size) {
        TenantId tenant = currentTenant.require();
        ledger.account(tenant, accountId).orElseThrow(DisplayAccounts::notFound);
        return new MovementPage(ledger.movements(tenant, accountId, page * size, size),
                ledger.countMovements(tenant, accountId));
    }

    /** One page of movements and how many the account has. */
    public record MovementPage(List<DisplayMovement> items, long total) {
    }

    static NotFoundException notFound() {
        return new NotFoundException("No such display account.");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String describe(DisplayAccount account) {
        return "store " + account.storeCode() + ", warehouse " + account.warehouseCode() + ", guarantee "
                + account.guarantee().amount().toPlainString() + " CNY ref " + account.guarantee().reference()
                + " until " + account.guarantee().expiresOn() + ", display " + account.period().from() + " to "
                + account.period().to();
    }
}
