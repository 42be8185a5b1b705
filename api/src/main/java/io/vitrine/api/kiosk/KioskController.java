package io.vitrine.api.kiosk;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.CookieValue;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.api.security.ClientAddress;
import io.vitrine.api.security.SecureTransport;
import io.vitrine.tenants.devices.Device;
import io.vitrine.tenants.devices.Devices;
import io.vitrine.tenants.devices.KioskPairing;

import java.time.Duration;

/**
 * Kiosk pairing and heartbeats (api.md; the page itself is {@link KioskPage}): pairing with the one-time code sets a long-lived HttpOnly device cookie; the
 * page's heartbeats feed the fleet status. The tenant is the path's ({@code /s/{tenant}}); an unknown
 * code or cookie, a revoked kiosk or another tenant's answers 404. Pairing attempts are limited per client
 * address and per store (429 with Retry-After).
 */
@Controller("/s/{tenant}/kiosk")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class KioskController {

    static final String COOKIE = "vitrine_kiosk";
    private static final Duration COOKIE_LIFETIME = Duration.ofDays(400);

    private final Devices devices;
    private final KioskPairing pairing;
    private final ClientAddress clientAddress;
    private final SecureTransport transport;

    KioskController(Devices devices, KioskPairing pairing, ClientAddress clientAddress, SecureTransport transport) {
        this.devices = devices;
        this.pairing = pairing;
        this.clientAddress = clientAddress;
        this.transport = transport;
    }

    @Post("/{storeCode}/pair")
    HttpResponse<Paired> pair(@PathVariable String tenant, @PathVariable String storeCode, @Body PairRequest request,
                              HttpRequest<?> http) {
        String token = pairing.pair(clientAddress.of(http), storeCode, request.pairingCode());
        Cookie cookie = Cookie.of(COOKIE, token).httpOnly(true).secure(transport.isSecure(http)).sameSite(SameSite.Strict)
                .path(cookiePath(tenant)).maxAge(COOKIE_LIFETIME);
        return HttpResponse.ok(new Paired(storeCode)).cookie(cookie);
    }

    /**
     * The whole shop's storefront, not only {@code /kiosk}: the kiosk page reads it to know it is paired, and the
     * orders a kiosk places (issue #5) carry the device.
     */
    static String cookiePath(String tenant) {
        return "/s/" + tenant;
    }

    @Post("/heartbeat")
    Heartbeat heartbeat(@PathVariable String tenant, @Nullable @CookieValue(COOKIE) String token,
                        @Nullable @Body HeartbeatRequest request) {
        Device kiosk = devices.heartbeat(token, request == null ? null : request.appVersion());
        return new Heartbeat(kiosk.deviceKey(), kiosk.storeCode());
    }

    @Serdeable
    record PairRequest(@Nullable String pairingCode) {
    }

    @Serdeable
    record Paired(String storeCode) {
    }

    @Serdeable
    record HeartbeatRequest(@Nullable String appVersion) {
    }

    @Serdeable
    record Heartbeat(String deviceKey, String storeCode) {
    }
}
