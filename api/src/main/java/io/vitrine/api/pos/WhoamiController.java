package io.vitrine.api.pos;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.api.security.SignedDevice;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.tenants.devices.Device;
import io.vitrine.tenants.devices.Devices;
import io.vitrine.tenants.devices.signing.DeviceCredential;
import io.vitrine.tenants.registry.TenantDirectory;

/**
 * {@code GET /pos/v1/whoami}: lets an installer check a device's credentials. Anonymous to the staff
 * security rules because the device signature filter has already checked every {@code /pos/**} request.
 */
@Controller("/pos/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class WhoamiController {

    private final Devices devices;
    private final TenantDirectory directory;

    WhoamiController(Devices devices, TenantDirectory directory) {
        this.devices = devices;
        this.directory = directory;
    }

    @Get("/whoami")
    Whoami whoami(HttpRequest<?> request) {
        DeviceCredential credential = SignedDevice.of(request)
                .orElseThrow(() -> new NotFoundException("No signed device."));
        Device device = devices.get(credential.deviceKey());
        return new Whoami(device.deviceKey(), device.kind().name(), directory.require(credential.tenant()).slug(),
                device.storeCode());
    }

    @Serdeable
    record Whoami(String deviceKey, String kind, String tenant, @Nullable String storeCode) {
    }
}
