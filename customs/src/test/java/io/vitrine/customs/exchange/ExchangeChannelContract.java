package io.vitrine.customs.exchange;

import io.vitrine.customs.signing.CebSamples;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What every {@link ExchangeChannel} adapter promises (testing.md "Contract suites"): the other side
 * gets the envelope whole, and a message sent again is still one message there.
 */
abstract class ExchangeChannelContract {

    static final int LIMIT = 1 << 20;

    abstract ExchangeChannel channel();

    /** What the other side holds now: envelope per message key (file name, message id…). */
    abstract Map<String, byte[]> delivered() throws Exception;

    @Test
    void a_sent_message_arrives_whole_and_unwraps_to_what_was_sent() throws Exception {
        DxpMessage message = Messages.order(Messages.newGuid());

        channel().send(message);

        Map<String, byte[]> delivered = delivered();
        assertEquals(1, delivered.size());
        assertEquals(message, DxpEnvelope.read(delivered.values().iterator().next(), LIMIT));
    }

    @Test
    void a_message_sent_again_is_still_one_message_on_the_other_side() throws Exception {
        String guid = Messages.newGuid();

        channel().send(Messages.order(guid, CebSamples.unsignedOrder()));
        channel().send(Messages.order(guid, "<resigned/>".getBytes(StandardCharsets.UTF_8)));

        Map<String, byte[]> delivered = delivered();
        assertEquals(1, delivered.size());
        DxpMessage there = DxpEnvelope.read(delivered.values().iterator().next(), LIMIT);
        assertEquals(guid, there.transInfo().copMsgId());
        assertArrayEquals("<resigned/>".getBytes(StandardCharsets.UTF_8), there.data());
    }

    @Test
    void distinct_messages_arrive_once_each() throws Exception {
        List<String> guids = Stream.generate(Messages::newGuid).limit(5).toList();

        for (String guid : guids) {
            channel().send(Messages.order(guid));
        }

        assertEquals(guids.stream().sorted().toList(), delivered().values().stream()
                .map(bytes -> DxpEnvelope.read(bytes, LIMIT).transInfo().copMsgId()).sorted().toList());
    }
}
