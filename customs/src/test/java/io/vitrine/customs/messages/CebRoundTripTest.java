package io.vitrine.customs.messages;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What we write reads back as the same records, for every message type. */
class CebRoundTripTest {

    private final CebWriter writer = new CebWriter();
    private final CebReader reader = new CebReader();

    @Test
    void every_message_type_reads_back_as_it_was_written() {
        List<CebMessage<?>> messages = List.of(CebFixtures.orderMessage(), CebFixtures.inventoryMessage(),
                CebFixtures.cancelMessage(), CebFixtures.refundMessage(),
                CebFixtures.inventoryReceipt("6F1C2B3A-0000-7000-8000-000000000622",
                        "6F1C2B3A-0000-7000-8000-000000000621"),
                CebFixtures.taxBill("6F1C2B3A-0000-7000-8000-000000000816"));
        for (CebMessage<?> message : messages) {
            assertThat(reader.read(writer.write(message))).as(message.type().code()).isEqualTo(message);
        }
    }

    @Test
    void a_message_read_as_its_expected_type_is_typed() {
        CebMessage<InventoryDeclaration> message = CebFixtures.inventoryMessage();

        CebMessage<InventoryDeclaration> read = reader.read(writer.write(message), MessageType.CEB621);

        assertThat(read.body().lines()).extracting(InventoryList::qty1).extracting(CebFormats::decimal)
                .containsExactly("1.6", "0.075");
    }

    @Test
    void a_message_of_another_type_than_expected_is_refused() {
        byte[] order = writer.write(CebFixtures.orderMessage());

        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> reader.read(order, MessageType.CEB621), MalformedMessageException.class).rule())
                .isEqualTo("UNEXPECTED_MESSAGE_TYPE");
    }

    @Test
    void several_bodies_in_one_message_read_back_in_order() {
        CebMessage<InvtRefund> one = CebFixtures.refundMessage();
        CebMessage<InvtRefund> two = CebFixtures.refundMessage();
        CebMessage<InvtRefund> both = new CebMessage<>(MessageType.CEB625, one.guid(),
                List.of(one.body(), two.body()), one.baseTransfer());

        assertThat(reader.read(writer.write(both))).isEqualTo(both);
    }
}
