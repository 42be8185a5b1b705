package io.vitrine.customs.messages;

import io.micronaut.core.annotation.Nullable;

/**
 * Who transmits the message, after the business body: the declaring enterprise ({@code copCode}, {@code copName}),
 * {@code dxpMode} (always {@code DXP}) and its DXP node id ({@code dxpId}).
 */
public record BaseTransfer(String copCode, String copName, String dxpMode, String dxpId, @Nullable String note) {

    public static final String DXP = "DXP";

    public static BaseTransfer of(String copCode, String copName, String dxpId) {
        return new BaseTransfer(copCode, copName, DXP, dxpId, null);
    }
}
