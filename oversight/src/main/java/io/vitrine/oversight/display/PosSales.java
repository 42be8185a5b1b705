package io.vitrine.oversight.display;

import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.pos.events.SaleAccepted;
import io.vitrine.tenants.access.Actor;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Takes display samples a store's POS sold at its till off display (oversight README "Sales at the POS"), in the
 * caller's transaction and the sale's tenant: each line's units leave the open accounts of the store that have the
 * SKU on display (by warehouse code) as SOLD_AT_POS movements — "sold, awaiting declaration" — up to what each has on
 * display; units beyond what is on display were not display goods and move nothing. The warehouse does not move (the
 * sample was counted out of it when it went on display).
 * <p>
 * Exactly once: the outbox dispatcher records each delivery as processed in its transaction, and beyond that each
 * movement's key is derived from the sale's device, event id and line ({@code pos.<40 hex>.<portion>}), unique per
 * tenant like every movement key: a sale delivered again (even under another event id) finds its line's first
 * portion and moves nothing more; two deliveries racing meet on the key's unique index.
 */
@Singleton
class PosSales {

    private static final String NOTE = "sold at the POS, not yet declared: %s/%s line %d, receipt %s";

    private final DisplayLedger ledger;
    private final MovementRecording recording;

    PosSales(DisplayLedger ledger, MovementRecording recording) {
        this.ledger = ledger;
        this.recording = recording;
    }

    /** Books the sale's display samples; answers how many units left display. */
    long record(SaleAccepted sale) {
        TenantId tenant = sale.tenant();
        long moved = 0;
        for (SaleAccepted.Line line : sale.lines()) {
            String key = key(sale, line);
            if (ledger.findMovement(tenant, key + ".0").isPresent()) {
                continue; // this line was booked when the sale came before (its portions commit together)
            }
            long left = line.quantity();
            int portion = 0;
            for (String accountId : ledger.displayingAtStore(tenant, sale.storeCode(), line.sku())) {
                if (left == 0) {
                    break;
                }
                long booked = book(sale, line, accountId, key + "." + portion, left);
                if (booked > 0) {
                    portion++;
                    left -= booked;
                    moved += booked;
                }
            }
        }
        return moved;
    }

    /** The units of the line this account takes off display, as the movement {@code key}. */
    private long book(SaleAccepted sale, SaleAccepted.Line line, String accountId, String key, long left) {
        TenantId tenant = sale.tenant();
        Optional<DisplayAccount> account = ledger.lockAccount(tenant, accountId).filter(found -> !found.closed());
        if (account.isEmpty()) {
            return 0;
        }
        Instant now = recording.now();
        DisplayBalance before = ledger.lockBalance(tenant, accountId, line.sku(), now);
        long units = Math.min(left, before.onDisplay());
        if (units == 0) {
            return 0;
        }
        String note = String.format(NOTE, sale.deviceKey(), sale.eventId(), line.lineNo(), sale.receiptNo());
        recording.book(Actor.system(), tenant, account.get(), new DisplayMovements.Request(key,
                MovementKind.SOLD_AT_POS, line.sku(), units, null, note), before, now);
        return units;
    }

    /**
     * {@code pos.} and 40 hex digits of SHA-256 over the sale's device, event and line; each account's portion of
     * the line adds {@code .0}, {@code .1}…: at most 64 characters, as every movement key.
     */
    static String key(SaleAccepted sale, SaleAccepted.Line line) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((sale.deviceKey() + "/" + sale.eventId()
                    + "#" + line.lineNo()).getBytes(StandardCharsets.UTF_8));
            return "pos." + HexFormat.of().formatHex(digest).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
