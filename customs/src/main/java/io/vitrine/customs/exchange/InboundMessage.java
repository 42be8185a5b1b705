package io.vitrine.customs.exchange;

import java.util.Objects;

/**
 * A file picked up from customs (usually a receipt: CEB312/622/…, bare or DXP-wrapped; see
 * {@link DxpEnvelope#payloadOf(byte[], int)}).
 *
 * @param name the name it arrived under
 */
public record InboundMessage(String name, byte[] content) {

    public InboundMessage {
        Objects.requireNonNull(name, "name");
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public String toString() {
        return "InboundMessage[" + name + ", " + content.length + " bytes]";
    }
}
