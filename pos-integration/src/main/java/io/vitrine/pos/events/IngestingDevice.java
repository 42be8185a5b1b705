package io.vitrine.pos.events;

import io.vitrine.kernel.tenancy.TenantId;

import java.util.Objects;

/** The signed POS device a batch comes from: its tenant and its store decide where every event applies. */
public record IngestingDevice(TenantId tenant, String deviceKey, String storeCode) {

    public IngestingDevice {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(deviceKey, "deviceKey");
        Objects.requireNonNull(storeCode, "storeCode");
    }

    /** The event's key outside its device ({@code dk_…/e-17}), for tie-breaks and reports. */
    public String keyOf(String eventId) {
        return deviceKey + "/" + eventId;
    }
}
