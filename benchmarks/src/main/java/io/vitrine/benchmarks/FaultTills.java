package io.vitrine.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static io.vitrine.benchmarks.CustomsPark.single;

/**
 * The fault drill's POS traffic: one registered till per shop (its store {@value CheckoutShops#STORE}), each a
 * {@link VirtualStore} sending to the application instances in turn. At every tick a till polls the catalog feed
 * (cursor and ETag), rings up two sales and a heartbeat and sends its queue in order; a batch that was not answered
 * 200 (a 503 during a fault, no answer) stays queued and is sent again at the next tick, and one batch in
 * {@value #LOSE_EVERY} has its answer lost once (applied, sent again: its events must come back DUPLICATE). Every
 * answer goes to the {@link FaultRecorder} ("pos feed", "pos events").
 */
final class FaultTills {

    static final int LOSE_EVERY = 4;

    final VirtualStore.Tally tally = new VirtualStore.Tally();
    private final FleetLatencies polls = new FleetLatencies();
    private final FleetLatencies posts = new FleetLatencies();
    private final List<VirtualStore> tills = new ArrayList<>();

    /** Registers one POS per shop on {@code registrar}; the tills then send to whichever instance {@code app} names. */
    FaultTills(HttpClient http, URI registrar, Supplier<URI> app, List<CheckoutShops.Shop> shops, BenchTokens tokens,
               FaultRecorder recorder) throws Exception {
        for (CheckoutShops.Shop shop : shops) {
            RegisteredDevice device = RegisteredDevice.pos(http, registrar, tokens.retailerAdmin(shop.tenant()),
                    CheckoutShops.STORE);
            tills.add(new VirtualStore(shop.tenant() + "-" + CheckoutShops.STORE, device.deviceKey(), device.secret(),
                    app, http, tally, shop.skus(), recorder::record));
        }
    }

    /** One tick of every till: poll, ring up, send (what was not answered stays queued). */
    void tick() {
        for (VirtualStore till : tills) {
            try {
                till.poll(polls);
                till.ringUp(2, Instant.now());
                till.flushSteady(posts, LOSE_EVERY);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.io.IOException e) {
                // recorded as it happened; the next tick polls again
            }
        }
    }

    /** After the drill: sends what every till still has queued; the events still queued (0 when all are in). */
    int drain() {
        int pending = 0;
        for (VirtualStore till : tills) {
            try {
                till.flush(posts, 0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            pending += till.pending();
        }
        return pending;
    }

    /** The POS invariants: every event made is in the ledger once, every sale's units applied once, none refused. */
    List<FaultDrill.Check> checks(Connection c) throws Exception {
        List<FaultDrill.Check> checks = new ArrayList<>();
        int pending = tills.stream().mapToInt(VirtualStore::pending).sum();
        checks.add(FaultDrill.Check.equal("POS batches still queued on the tills after the catch-up", 0, pending));
        checks.add(FaultDrill.Check.equal("POS ledger rows (pos_events) = distinct events the tills made",
                tally.made.get(), single(c, "SELECT COUNT(*) FROM pos_events")));
        checks.add(FaultDrill.Check.equal("POS sale units in store stock = units the tills sold", tally.units.get(),
                single(c, "SELECT COALESCE(-SUM(quantity), 0) FROM store_stock_movements WHERE kind = 'SALE'")));
        checks.add(FaultDrill.Check.equal("POS events refused (REJECTED)", 0, tally.rejected.get()));
        checks.add(new FaultDrill.Check("POS events answered ACCEPTED / DUPLICATE / sent again after a lost answer",
                "informative", tally.accepted.get() + " / " + tally.duplicate.get() + " / " + tally.resent.get(), true));
        return checks;
    }
}
