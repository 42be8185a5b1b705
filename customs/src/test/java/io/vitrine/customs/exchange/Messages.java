package io.vitrine.customs.exchange;

import io.vitrine.customs.signing.CebSamples;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/** Outgoing messages for exchange tests. */
final class Messages {

    static final String SENDER = "DXPENT0000012345";

    private Messages() {
    }

    static DxpMessage order(String guid) {
        return order(guid, CebSamples.unsignedOrder());
    }

    static DxpMessage order(String guid, byte[] data) {
        return new DxpMessage(new TransInfo(guid, SENDER, List.of(TransInfo.IMPORT_RECEIVER),
                LocalDateTime.of(2026, 11, 30, 18, 0, 5), "CEB311Message"), data);
    }

    static String newGuid() {
        return UUID.randomUUID().toString().toUpperCase();
    }
}
