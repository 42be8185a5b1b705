package io.vitrine.api.pos;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.vitrine.api.problem.Problem;
import io.vitrine.api.security.ReplayPolicy;
import io.vitrine.api.security.SignedDevice;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.pos.events.BatchTooLargeException;
import io.vitrine.pos.events.EventIngest;
import io.vitrine.pos.events.EventResult;
import io.vitrine.pos.events.IngestingDevice;
import io.vitrine.tenants.devices.Device;
import io.vitrine.tenants.devices.Devices;
import io.vitrine.tenants.devices.signing.DeviceCredential;
import io.vitrine.tenants.devices.signing.ReplayProtection;

import java.util.List;

/**
 * {@code POST /pos/v1/events} (api.md "POS and kiosk devices"): a POS device's batch of up to 500 events, each
 * answered ACCEPTED, DUPLICATE or REJECTED with its reason (200 whatever the mix). The whole request is refused only
 * when it is not a batch: 400 for a body that is not JSON with an {@code events} array, 413 past 500 events or the
 * size limit, 403 for a device that is not a POS (a partner has no store). Anonymous to the staff rules: the device
 * signature filter checked the request. The events carry their own ids, so a batch may be accepted while the shared
 * nonce store is down ({@link ReplayProtection#FALLBACK_ALLOWED}): a replay is answered DUPLICATE, never applied.
 */
@Controller("/pos/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@ReplayPolicy(ReplayProtection.FALLBACK_ALLOWED)
class EventsController {

    private final EventIngest ingest;
    private final Devices devices;

    EventsController(EventIngest ingest, Devices devices) {
        this.ingest = ingest;
        this.devices = devices;
    }

    @Post("/events")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    @Operation(summary = "A POS device's batch of events (device-signed, POS)",
            description = "{events[{eventId, type: SALE|RETURN|STOCK_COUNT|HEARTBEAT, occurredAt, ...}]} up to 500; "
                    + "answers {results[{eventId, status: ACCEPTED|DUPLICATE|REJECTED, error{code, field, message}}]} "
                    + "in the batch's order. See the pos-integration README for each type's fields and the codes.")
    HttpResponse<?> events(HttpRequest<?> request, @Body byte[] body) {
        DeviceCredential credential = SignedDevice.of(request)
                .orElseThrow(() -> new NotFoundException("No signed device."));
        Device device = devices.get(credential.deviceKey());
        if (credential.kind() != DeviceCredential.Kind.POS || device.storeCode() == null) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_JSON_PROBLEM_TYPE)
                    .body(new Problem("about:blank", "Forbidden", 403,
                            "Only a store's POS device sends events.", null, null));
        }
        try {
            return HttpResponse.ok(new Results(ingest.ingest(
                    new IngestingDevice(credential.tenant(), device.deviceKey(), device.storeCode()), body)));
        } catch (BatchTooLargeException e) {
            throw new HttpStatusException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, e.getMessage());
        }
    }

    @Serdeable
    record Results(List<EventResult> results) {
    }
}
