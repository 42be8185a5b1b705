package io.vitrine.api.pos;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.vitrine.api.security.SignedDevice;
import io.vitrine.kernel.error.BusinessRuleException;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.pos.feed.CatalogFeed;
import io.vitrine.pos.feed.FeedPage;
import io.vitrine.tenants.devices.Device;
import io.vitrine.tenants.devices.Devices;
import io.vitrine.tenants.devices.signing.DeviceCredential;

import java.util.Arrays;

/**
 * {@code GET /pos/v1/catalog/changes?cursor=&limit=} (api.md "POS and kiosk devices"): the signed device's store's
 * catalog as changes since its cursor. The answer carries a strong {@code ETag}; a device that sends it back in
 * {@code If-None-Match} gets 304 without a body while nothing it would be told changed. Bodies are gzip-compressed
 * for clients that accept it (Netty's compression above {@code micronaut.server.netty.compression-threshold}).
 */
@Controller("/pos/v1/catalog")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class CatalogChangesController {

    private final Devices devices;
    private final CatalogFeed feed;

    CatalogChangesController(Devices devices, CatalogFeed feed) {
        this.devices = devices;
        this.feed = feed;
    }

    @Get("/changes")
    HttpResponse<FeedPage> changes(HttpRequest<?> request, @Nullable @QueryValue String cursor,
                                   @Nullable @QueryValue Integer limit) {
        DeviceCredential credential = SignedDevice.of(request)
                .orElseThrow(() -> new NotFoundException("No signed device."));
        Device device = devices.get(credential.deviceKey());
        if (device.storeCode() == null) {
            throw new BusinessRuleException("DEVICE_WITHOUT_STORE",
                    "The catalog feed is a store's: register the device for a store (partners have none).");
        }
        FeedPage page = feed.page(device.storeCode(), cursor, limit);
        String etag = page.etag(device.storeCode() + "|" + (cursor == null ? "" : cursor));
        if (matches(request.getHeaders().get(HttpHeaders.IF_NONE_MATCH), etag)) {
            return HttpResponse.<FeedPage>notModified().header(HttpHeaders.ETAG, etag);
        }
        return HttpResponse.ok(page).header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, "no-cache");
    }

    /** {@code If-None-Match}: a list of tags, or {@code *}; weak tags compare by their opaque part (RFC 9110 13.1.2). */
    private static boolean matches(@Nullable String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
    }
}
