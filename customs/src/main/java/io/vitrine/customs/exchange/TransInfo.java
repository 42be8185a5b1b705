package io.vitrine.customs.exchange;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The DXP routing header. {@code copMsgId} is the CEB message's own guid, so one message keeps one id
 * however often it is sent. {@code creatTime} is China time.
 *
 * @param msgType the CEB root element's name, e.g. {@code CEB311Message}
 */
public record TransInfo(String copMsgId, String senderId, List<String> receiverIds, LocalDateTime creatTime, String msgType) {

    /** The customs cross-border e-commerce receiver for import messages. */
    public static final String IMPORT_RECEIVER = "DXPEDCCEB0000002";
    /** ... and for export messages. */
    public static final String EXPORT_RECEIVER = "DXPEDCCEB0000003";
    /**
     * The "179" payment data upload ({@code payExInfoStr}, JSON, signed as text): not a CEB message. The single
     * window takes it as an HTTPS form post; here it travels the exchange channel under this type of ours.
     */
    public static final String PAYMENT_DATA = "PayExInfo179";

    // both end up in a file name: no path separators, no dots, nothing a shell or Windows client chokes on
    private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern MESSAGE_TYPE = Pattern.compile("CEB[0-9]{3}Message|" + PAYMENT_DATA);

    public TransInfo {
        Objects.requireNonNull(copMsgId, "copMsgId");
        Objects.requireNonNull(senderId, "senderId");
        Objects.requireNonNull(creatTime, "creatTime");
        Objects.requireNonNull(msgType, "msgType");
        if (!MESSAGE_ID.matcher(copMsgId).matches()) {
            throw new IllegalArgumentException("CopMsgId must be 1-64 letters, digits, '-' or '_': " + copMsgId);
        }
        if (!MESSAGE_TYPE.matcher(msgType).matches()) {
            throw new IllegalArgumentException("MsgType must look like CEB311Message: " + msgType);
        }
        if (senderId.isBlank()) {
            throw new IllegalArgumentException("SenderId is required");
        }
        receiverIds = List.copyOf(receiverIds);
        if (receiverIds.isEmpty()) {
            throw new IllegalArgumentException("at least one ReceiverId is required");
        }
    }
}
