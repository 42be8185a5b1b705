package io.vitrine.customs.exchange;

import io.micronaut.context.annotation.Requires;
import io.vitrine.customs.signing.MessageSigner;
import io.vitrine.customs.xml.SafeXml;
import io.vitrine.customs.xml.XmlRejectedException;
import io.vitrine.kernel.time.ChinaTime;
import jakarta.inject.Singleton;
import org.w3c.dom.Element;

import java.time.Clock;
import java.util.Locale;

/**
 * Signs a CEB message, wraps it for DXP and hands it to the configured channel. The CopMsgId and the
 * MsgType are read from the message itself (its {@code guid} attribute and root name), so a message
 * keeps one guid and one file name however often it is handed off again.
 */
@Singleton
@Requires(beans = {MessageSigner.class, ExchangeChannel.class})
public final class MessageHandoff {

    private final MessageSigner signer;
    private final ExchangeChannel channel;
    private final Clock clock;
    private final int maxMessageBytes;

    public MessageHandoff(MessageSigner signer, ExchangeChannel channel, Clock clock) {
        this(signer, channel, clock, 8 << 20);
    }

    public MessageHandoff(MessageSigner signer, ExchangeChannel channel, Clock clock, int maxMessageBytes) {
        this.signer = signer;
        this.channel = channel;
        this.clock = clock;
        this.maxMessageBytes = maxMessageBytes;
    }

    /** @return what was sent; the exceptions of {@link MessageSigner#sign} and {@link ExchangeChannel#send} pass through */
    public DxpMessage handOff(DxpRoute route, byte[] unsignedMessage) {
        byte[] signed = signer.sign(unsignedMessage);
        Element root = SafeXml.parse(signed, maxMessageBytes).getDocumentElement();
        String guid = root.getAttribute("guid");
        if (guid.isEmpty()) {
            throw new XmlRejectedException("the CEB message has no guid attribute");
        }
        TransInfo info = new TransInfo(guid.toUpperCase(Locale.ROOT), route.senderId(), route.receiverIds(),
                ChinaTime.now(clock).toLocalDateTime(), root.getLocalName());
        DxpMessage message = new DxpMessage(info, signed);
        channel.send(message);
        return message;
    }
}
