package io.vitrine.customs.exchange;

import java.util.Arrays;
import java.util.Objects;

/**
 * One signed CEB message on its way out, with its routing header.
 *
 * @param data the signed CEB XML, exactly as signed (it travels Base64-encoded)
 */
public record DxpMessage(TransInfo transInfo, byte[] data) {

    public DxpMessage {
        Objects.requireNonNull(transInfo, "transInfo");
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /**
     * The file name this message is exchanged under: derived only from its type and guid, so a retry
     * writes the very same file (overwriting it) instead of a second message.
     */
    public String fileName() {
        return transInfo.msgType() + "_" + transInfo.copMsgId() + ".xml";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DxpMessage that && transInfo.equals(that.transInfo) && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * transInfo.hashCode() + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "DxpMessage[" + transInfo.msgType() + " " + transInfo.copMsgId() + ", " + data.length + " bytes]";
    }
}
