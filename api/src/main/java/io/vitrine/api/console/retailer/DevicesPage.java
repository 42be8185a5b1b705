package io.vitrine.api.console.retailer;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
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
import io.vitrine.api.console.DeviceRow;
import io.vitrine.api.console.FleetCounts;
import io.vitrine.api.console.FleetFilter;
import io.vitrine.api.console.FormErrors;
import io.vitrine.api.console.OneTimeForms;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.tenants.devices.DarkStore;
import io.vitrine.tenants.devices.DeviceKind;
import io.vitrine.tenants.devices.Devices;
import io.vitrine.tenants.devices.Fleet;
import io.vitrine.tenants.devices.FleetDevice;
import io.vitrine.tenants.devices.FleetSummary;
import io.vitrine.tenants.devices.OnlineWindow;
import io.vitrine.tenants.devices.RegisteredDevice;
import io.vitrine.tenants.stores.Stores;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code /console/devices}: the retailer's fleet status (issue #3) at the scale of thousands of kiosks —
 * counts per kind and state, the dark stores (paired kiosks, none online), then the devices one page at a
 * time, filtered by state, kind and store; all computed by the database ({@link Fleet}). Registering shows
 * the kiosk's pairing code or the device's secret this once, as rotating shows the new secret; revoking
 * (unpairing a kiosk) acts at once. Also filtered by app version and sorted by last seen; the summary and the
 * current page refresh themselves every {@value #LIVE_EVERY_SECONDS} seconds ({@code /console/devices/live}).
 */
@Controller("/console/devices")
@Secured("RETAILER_ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@Hidden
final class DevicesPage {

    static final int PAGE_SIZE = 50;
    static final int DARK_STORES_PAGE_SIZE = 20;
    static final int LIVE_EVERY_SECONDS = 15;
    private static final String PATH = "/console/devices";

    private final Devices devices;
    private final Fleet fleet;
    private final Stores stores;
    private final OneTimeForms forms;
    private final OnlineWindow onlineWindow;

    DevicesPage(Devices devices, Fleet fleet, Stores stores, OneTimeForms forms, OnlineWindow onlineWindow) {
        this.devices = devices;
        this.fleet = fleet;
        this.stores = stores;
        this.forms = forms;
        this.onlineWindow = onlineWindow;
    }

    /** A status, kind or store code that is no such thing is the 400 page; another tenant's store, none of ours. */
    @Get
    HttpResponse<?> list(HttpRequest<?> request, Authentication caller, @Nullable @QueryValue String status,
                         @Nullable @QueryValue String kind, @Nullable @QueryValue String storeCode,
                         @Nullable @QueryValue String appVersion, @Nullable @QueryValue String sort,
                         @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "0") int darkPage,
                         @Nullable @QueryValue String revoked) {
        return page(HttpStatus.OK, request, caller, FleetFilter.of(status, kind, storeCode, appVersion, sort), page,
                darkPage, null, Map.of(), revoked);
    }

    /**
     * The live part of the page — the summary and the current page of devices with the same filters — that the
     * page's script ({@code fleet-live.js}) fetches every {@link #LIVE_EVERY_SECONDS} seconds and swaps in, so the
     * fleet updates without a reload and without losing the filters.
     */
    @Get("/live")
    HttpResponse<?> live(HttpRequest<?> request, Authentication caller, @Nullable @QueryValue String status,
                         @Nullable @QueryValue String kind, @Nullable @QueryValue String storeCode,
                         @Nullable @QueryValue String appVersion, @Nullable @QueryValue String sort,
                         @QueryValue(defaultValue = "0") int page) {
        FleetFilter filter = FleetFilter.of(status, kind, storeCode, appVersion, sort);
        Listed listed = listed(request, filter, page);
        return ConsolePage.render(listed.status(), "devices-live", ConsolePage.model(caller, listed.model(filter,
                page))).header("Cache-Control", "no-store");
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> register(HttpRequest<?> request, @Body DeviceFields fields,
                             @Nullable @Body(OneTimeForms.FIELD) String formToken, Authentication caller) {
        return forms.once(request, caller, formToken, fields, () -> {
            try {
                return credentials(caller, devices.register(StaffClaims.actorOf(caller), fields.storeCode(),
                        fields.kind()), false);
            } catch (InvalidInputException invalid) {
                return page(HttpStatus.BAD_REQUEST, request, caller, FleetFilter.of(null, null, null), 0, 0, fields,
                        FormErrors.of(invalid, request), null);
            } catch (NotFoundException unknownStore) {
                // the same words for a store that does not exist and for another tenant's
                return page(HttpStatus.BAD_REQUEST, request, caller, FleetFilter.of(null, null, null), 0, 0, fields,
                        FormErrors.one("storeCode", "devices.error.unknownStore", request), null);
            }
        });
    }

    @Post(value = "/{deviceKey}/rotate", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> rotate(@PathVariable String deviceKey, Authentication caller) {
        return credentials(caller, devices.rotate(StaffClaims.actorOf(caller), deviceKey), true);
    }

    @Post(value = "/{deviceKey}/revoke", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> revoke(HttpRequest<?> request, @PathVariable String deviceKey, Authentication caller) {
        devices.revoke(StaffClaims.actorOf(caller), deviceKey);
        return ConsoleLinks.seeOther(request, PATH + "?revoked=" + ConsoleLinks.encode(deviceKey));
    }

    private HttpResponse<?> credentials(Authentication caller, RegisteredDevice registered, boolean rotated) {
        return ConsolePage.showOnce("device-credentials", ConsolePage.model(caller,
                "device", DeviceRow.registered(registered.device()),
                "secret", registered.secret(),
                "pairingCode", registered.pairingCode(),
                "rotated", rotated));
    }

    private HttpResponse<?> page(HttpStatus status, HttpRequest<?> request, Authentication caller, FleetFilter filter,
                                 int page, int darkPage, @Nullable DeviceFields fields, Map<String, String> errors,
                                 @Nullable String revoked) {
        Listed listed = listed(request, filter, page);
        Page<DarkStore> dark = fleet.darkStores(Math.max(darkPage, 0), DARK_STORES_PAGE_SIZE);
        Object[] entries = Stream.concat(Arrays.stream(listed.model(filter, page)), Stream.of(
                "darkStores", dark.getContent().stream().map(FleetCounts.DarkStoreRow::of).toList(),
                "darkPage", dark.getPageNumber(),
                "darkTotal", dark.getTotalSize(),
                "darkHasNext", (long) (dark.getPageNumber() + 1) * DARK_STORES_PAGE_SIZE < dark.getTotalSize(),
                "form", fields,
                "errors", errors,
                "revoked", revoked,
                "liveEvery", LIVE_EVERY_SECONDS,
                "offlineAfterMinutes", onlineWindow.window().toMinutes(),
                "storeCodes", stores.list(StaffClaims.actorOf(caller), 0, 200).getContent().stream()
                        .map(s -> s.code()).toList())).toArray();
        return ConsolePage.render(status == HttpStatus.OK ? listed.status() : status, "devices",
                ConsolePage.model(caller, entries));
    }

    /** The summary and one page of devices; another tenant's (or no) store code is the 404 with the filter's error. */
    private Listed listed(HttpRequest<?> request, FleetFilter filter, int page) {
        try {
            return new Listed(HttpStatus.OK, fleet.summary(), fleet.devices(filter.status(), filter.kind(),
                    filter.storeCode(), filter.appVersion(), filter.sort(), Math.max(page, 0), PAGE_SIZE), Map.of());
        } catch (NotFoundException notOurStore) {
            return new Listed(HttpStatus.NOT_FOUND, fleet.summary(), Page.empty(),
                    FormErrors.one("storeCode", "devices.error.unknownStore", request));
        }
    }

    /** What the page and its live part show of the fleet. */
    private record Listed(HttpStatus status, FleetSummary summary, Page<FleetDevice> shown,
                          Map<String, String> filterErrors) {

        Object[] model(FleetFilter filter, int page) {
            int current = Math.max(page, 0);
            String live = filter.target(PATH + "/live");
            return new Object[]{
                "summary", FleetCounts.rows(summary),
                "devices", shown.getContent().stream().map(DeviceRow::of).toList(),
                "page", current,
                "total", shown.getTotalSize(),
                "hasNext", (long) (current + 1) * PAGE_SIZE < shown.getTotalSize(),
                "filter", filter,
                "filtered", filter.any(),
                "listTarget", filter.target(PATH),
                "liveTarget", live + (live.contains("?") ? "&" : "?") + "page=" + current,
                "filterErrors", filterErrors,
                "kinds", Arrays.stream(DeviceKind.values()).map(Enum::name).toList()};
        }
    }

    @Serdeable
    public record DeviceFields(@Nullable String storeCode, @Nullable String kind) {
    }
}
