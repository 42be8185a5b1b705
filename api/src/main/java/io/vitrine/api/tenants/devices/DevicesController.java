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
import io.vitrine.api.security.StaffClaims;
import io.vitrine.api.tenants.Listing;
import io.vitrine.tenants.devices.Device;
import io.vitrine.tenants.devices.Devices;
import io.vitrine.tenants.devices.RegisteredDevice;

import java.time.Instant;

/**
 * The retailer's devices (api.md): registration answers the secret (POS, PARTNER) or the pairing code
 * (KIOSK) this once; rotation answers the new secret. Another tenant's device key is 404.
 */
@Controller("/api/v1/devices")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("RETAILER_ADMIN")
class DevicesController {

    private final Devices devices;

    DevicesController(Devices devices) {
        this.devices = devices;
    }

    @Post
    @Status(HttpStatus.CREATED)
    Credentials register(@Body DeviceRequest request, Authentication caller) {
        return Credentials.of(devices.register(StaffClaims.actorOf(caller), request.storeCode(), request.kind()));
    }

    @Get
    Listing<DeviceView> list(@Nullable @QueryValue String status) {
        return Listing.of(devices.list(status).stream().map(this::view).toList());
    }

    @Post("/{deviceKey}/rotate")
    Credentials rotate(@PathVariable String deviceKey, Authentication caller) {
        return Credentials.of(devices.rotate(StaffClaims.actorOf(caller), deviceKey));
    }

    @Delete("/{deviceKey}")
    @Status(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable String deviceKey, Authentication caller) {
        devices.revoke(StaffClaims.actorOf(caller), deviceKey);
    }

    private DeviceView view(Device d) {
        return new DeviceView(d.deviceKey(), d.kind().name(), d.storeCode(), d.status().name(), devices.online(d),
                d.lastSeenAt(), d.appVersion());
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
    record DeviceView(String deviceKey, String kind, @Nullable String storeCode, String status, boolean online,
                      @Nullable Instant lastSeenAt, @Nullable String appVersion) {
    }
}
