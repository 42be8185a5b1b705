package io.vitrine.customs.exchange;

import java.util.List;

/**
 * Who sends and who receives: our DXP id (the BaseTransfer dxpId) and the customs receiver,
 * {@link TransInfo#IMPORT_RECEIVER} for cross-border retail import.
 */
public record DxpRoute(String senderId, List<String> receiverIds) {

    public DxpRoute {
        receiverIds = List.copyOf(receiverIds);
    }

    public static DxpRoute importFrom(String senderId) {
        return new DxpRoute(senderId, List.of(TransInfo.IMPORT_RECEIVER));
    }
}
