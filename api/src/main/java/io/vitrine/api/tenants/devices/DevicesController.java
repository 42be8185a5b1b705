package io.vitrine.api.tenants.devices;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.api.idempotency.Idempotent;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.api.tenants.Listing;
import io.vitrine.tenants.devices.DarkStore;
import io.vitrine.tenants.devices.Devices;
import io.vitrine.tenants.devices.Fleet;
import io.vitrine.tenants.devices.FleetSummary;
import io.vitrine.tenants.devices.RegisteredDevice;

import java.time.Instant;
import java.util.List;

/**
 * The retailer's devices (api.md): registration answers the secret (POS, PARTNER) or the pairing code
 * (KIOSK) this once; rotation answers the new secret. Another tenant's device key is 404. The list and
 * {@code /fleet} are the fleet status, paged and counted by the database.
 */
@Controller("/api/v1/devices")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("RETAILER_ADMIN")
class DevicesController {

    private final Devices devices;
    private final Fleet fleet;

    DevicesController(Devices devices, Fleet fleet) {
        this.devices = devices;
        this.fleet = fleet;
    }

    @Post
    @Idempotent
    @Status(HttpStatus.CREATED)
    Credentials register(@Body DeviceRequest request, Authentication caller) {
        return Credentials.of(devices.register(StaffClaims.actorOf(caller), request.storeCode(), request.kind()));
    }

    /**
     * {@code status}: online (ACTIVE, seen within the online window), offline (ACTIVE, not seen since),
     * pending (a kiosk not paired yet) or revoked; {@code storeCode} of another tenant's store is 404;
     * {@code appVersion}: the exact version last reported; {@code sort}: store (default), lastSeen or -lastSeen.
     * The online window is the offline alerts' ({@code OnlineWindow}): one definition of offline.
     */
    @Get
    Listing<DeviceView> list(@Nullable @QueryValue String status, @Nullable @QueryValue String kind,
                             @Nullable @QueryValue String storeCode, @Nullable @QueryValue String appVersion,
                             @Nullable @QueryValue String sort, @QueryValue(defaultValue = "0") int page,
                             @QueryValue(defaultValue = "50") int size) {
        Listing.checkPage(page, size);
        return Listing.of(fleet.devices(status, kind, storeCode, appVersion, sort, page, size), DeviceView::of);
    }

    /** Devices per kind and state, and the stores whose kiosks are all offline ({@code page}/{@code size} page those). */
    @Get("/fleet")
    FleetView fleet(@QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        Listing.checkPage(page, size);
        return FleetView.of(fleet.summary(), Listing.of(fleet.darkStores(page, size), DarkStoreView::of));
    }

    @Post("/{deviceKey}/rotate")
    @Idempotent
    Credentials rotate(@PathVariable String deviceKey, Authentication caller) {
        return Credentials.of(devices.rotate(StaffClaims.actorOf(caller), deviceKey));
    }

    @Delete("/{deviceKey}")
    @Status(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable String deviceKey, Authentication caller) {
        devices.revoke(StaffClaims.actorOf(caller), deviceKey);
    }

    @Serdeable
    record DeviceRequest(@Nullable String storeCode, @Nullable String kind) {
    }

    @Serdeable
    record Credentials(String deviceKey, String kind, @Nullable String storeCode, @Nullable String secret,
                       @Nullable String pairingCode) {
        static Credentials of(RegisteredDevice r) {
            return new Credentials(r.device().deviceKey(), r.device().kind().name(), r.device().storeCode(), r.secret(),
                    r.pairingCode());
        }
    }

    @Serdeable
    record KindCountsView(String kind, long online, long offline, long pendingPairing, long revoked) {
    }

    @Serdeable
    record DarkStoreView(String storeCode, @Nullable String storeName, int kiosks, @Nullable Instant lastSeenAt) {
        static DarkStoreView of(DarkStore store) {
            return new DarkStoreView(store.storeCode(), store.storeName(), store.kiosks(), store.lastSeenAt());
        }
    }

    /** {@code kinds}: one entry per device kind; {@code totals}: all kinds; {@code darkStores}: paged. */
    @Serdeable
    record FleetView(List<KindCountsView> kinds, KindCountsView totals, Listing<DarkStoreView> darkStores) {
        static FleetView of(FleetSummary summary, Listing<DarkStoreView> darkStores) {
            return new FleetView(summary.kinds().stream().map(k -> new KindCountsView(k.kind().name(), k.online(),
                            k.offline(), k.pendingPairing(), k.revoked())).toList(),
                    new KindCountsView("ALL", summary.online(), summary.offline(), summary.pendingPairing(),
                            summary.revoked()),
                    darkStores);
        }
    }
}
