package io.vitrine.api.console.retailer;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Hidden;
import io.vitrine.api.console.ConsoleLinks;
import io.vitrine.api.console.ConsolePage;
import io.vitrine.api.console.FormErrors;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.tenants.devices.DeviceKind;
import io.vitrine.tenants.devices.Devices;
import io.vitrine.tenants.devices.RegisteredDevice;
import io.vitrine.tenants.stores.Stores;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code /console/devices}: the retailer's kiosks, POS systems and partners, online or not, with their
 * last sighting and app version. Registering shows the kiosk's pairing code or the device's secret this
 * once, as rotating shows the new secret; revoking (unpairing a kiosk) acts at once.
 */
@Controller("/console/devices")
@Secured("RETAILER_ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@Hidden
final class DevicesPage {

    private static final List<String> FILTERS = List.of("online", "offline");

    private final Devices devices;
    private final Stores stores;

    DevicesPage(Devices devices, Stores stores) {
        this.devices = devices;
        this.stores = stores;
    }

    @Get
    HttpResponse<?> list(Authentication caller, @Nullable @QueryValue String status, @Nullable @QueryValue String revoked) {
        return page(HttpStatus.OK, caller, status, null, Map.of(), revoked);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> register(HttpRequest<?> request, @Body DeviceFields fields, Authentication caller) {
        try {
            return credentials(caller, devices.register(StaffClaims.actorOf(caller), fields.storeCode(), fields.kind()),
                    false);
        } catch (InvalidInputException invalid) {
            return page(HttpStatus.BAD_REQUEST, caller, null, fields, FormErrors.of(invalid, request), null);
        } catch (NotFoundException unknownStore) {
            // the same words for a store that does not exist and for another tenant's
            return page(HttpStatus.BAD_REQUEST, caller, null, fields,
                    FormErrors.one("storeCode", "devices.error.unknownStore", request), null);
        }
    }

    @Post(value = "/{deviceKey}/rotate", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> rotate(@PathVariable String deviceKey, Authentication caller) {
        return credentials(caller, devices.rotate(StaffClaims.actorOf(caller), deviceKey), true);
    }

    @Post(value = "/{deviceKey}/revoke", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> revoke(HttpRequest<?> request, @PathVariable String deviceKey, Authentication caller) {
        devices.revoke(StaffClaims.actorOf(caller), deviceKey);
        return ConsoleLinks.seeOther(request, "/console/devices?revoked=" + ConsoleLinks.encode(deviceKey));
    }

    private HttpResponse<?> credentials(Authentication caller, RegisteredDevice registered, boolean rotated) {
        return ConsolePage.showOnce("device-credentials", ConsolePage.model(caller,
                "device", DeviceRow.of(registered.device(), false),
                "secret", registered.secret(),
                "pairingCode", registered.pairingCode(),
                "rotated", rotated));
    }

    private HttpResponse<?> page(HttpStatus status, Authentication caller, @Nullable String filter,
                                 @Nullable DeviceFields fields, Map<String, String> errors, @Nullable String revoked) {
        String shown = filter != null && FILTERS.contains(filter) ? filter : null;
        return ConsolePage.render(status, "devices", ConsolePage.model(caller,
                "devices", devices.list(shown).stream().map(d -> DeviceRow.of(d, devices.online(d))).toList(),
                "filter", shown == null ? "all" : shown,
                "form", fields,
                "errors", errors,
                "revoked", revoked,
                "kinds", Arrays.stream(DeviceKind.values()).map(Enum::name).toList(),
                "storeCodes", stores.list(StaffClaims.actorOf(caller), 0, 200).getContent().stream()
                        .map(s -> s.code()).toList()));
    }

    @Serdeable
    public record DeviceFields(@Nullable String storeCode, @Nullable String kind) {
    }
}
