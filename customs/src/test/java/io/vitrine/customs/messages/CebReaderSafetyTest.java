package io.vitrine.customs.messages;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Hostile XML never reaches a file, a URL or unbounded memory: DTDs and entities are refused (XXE, external DTD,
 * billion laughs), input above the limit is refused (also when streamed), and so is absurd nesting.
 */
class CebReaderSafetyTest {

    private static final String RECEIPT_OPEN = "<CEB622Message xmlns=\"http://www.chinaport.gov.cn/ceb\" version=\"1.0\" "
            + "guid=\"6F1C2B3A-0000-7000-8000-000000000622\"><InventoryReturn><guid>6F1C2B3A-0000-7000-8000-0000000006"
            + "21</guid><returnStatus>800</returnStatus><returnTime>20261130112045</returnTime><returnInfo>";
    private static final String RECEIPT_CLOSE = "</returnInfo></InventoryReturn></CEB622Message>";

    private final CebReader reader = new CebReader();

    @Test
    void an_external_entity_pointing_at_a_local_file_is_refused_and_the_file_never_read(@TempDir Path dir)
            throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-CONTENT");
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE CEB622Message [<!ENTITY xxe SYSTEM \"" + secret.toUri()
                + "\">]>" + RECEIPT_OPEN + "&xxe;" + RECEIPT_CLOSE;

        MalformedMessageException refused = refused(xml);

        assertThat(refused.rule()).isEqualTo("XML_DTD_REFUSED");
        assertThat(refused.getMessage()).doesNotContain("TOP-SECRET");
    }

    @Test
    void a_document_type_declaration_is_refused_even_without_entities() {
        assertThat(refused("<?xml version=\"1.0\"?><!DOCTYPE CEB622Message>" + RECEIPT_OPEN + "ok" + RECEIPT_CLOSE)
                .rule()).isEqualTo("XML_DTD_REFUSED");
    }

    @Test
    void an_external_dtd_is_refused_and_never_fetched() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE CEB622Message SYSTEM \"http://127.0.0.1:1/evil.dtd\">"
                + RECEIPT_OPEN + "ok" + RECEIPT_CLOSE;

        assertThat(refused(xml).rule()).isEqualTo("XML_DTD_REFUSED");
    }

    @Test
    void billion_laughs_is_refused_without_expanding() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE CEB622Message [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 10; i++) {
            String previous = "&lol" + (i - 1) + ";";
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(previous.repeat(10)).append("\">");
        }
        dtd.append("]>");

        assertThat(refused("<?xml version=\"1.0\"?>" + dtd + RECEIPT_OPEN + "&lol10;" + RECEIPT_CLOSE).rule())
                .isEqualTo("XML_DTD_REFUSED");
    }

    @Test
    void an_undeclared_entity_reference_is_refused() {
        assertThat(refused(RECEIPT_OPEN + "&lol;" + RECEIPT_CLOSE).rule()).isEqualTo("XML_MALFORMED");
    }

    @Test
    void the_five_predefined_entities_and_character_references_still_read() {
        CebMessage<DeclarationReceipt> read = reader.read(
                (RECEIPT_OPEN + "a&lt;b&amp;c&#x653E;&#34;" + RECEIPT_CLOSE).getBytes(StandardCharsets.UTF_8),
                MessageType.CEB622);

        assertThat(read.body().returnInfo()).isEqualTo("a<b&c放\"");
    }

    @Test
    void input_above_the_limit_is_refused() {
        CebReader small = new CebReader(1024);
        byte[] big = (RECEIPT_OPEN + "x".repeat(2000) + RECEIPT_CLOSE).getBytes(StandardCharsets.UTF_8);

        assertThat(catchThrowableOfType(() -> small.read(big), MalformedMessageException.class).rule())
                .isEqualTo("XML_TOO_LARGE");
    }

    @Test
    void a_stream_above_the_limit_is_refused_without_reading_it_all() {
        CebReader small = new CebReader(64 * 1024);
        InputStream endless = new SequenceInputStream(new ByteArrayInputStream(RECEIPT_OPEN.getBytes(
                StandardCharsets.UTF_8)), new InputStream() {
            @Override
            public int read() {
                return 'x';
            }
        });

        assertThat(catchThrowableOfType(() -> small.read(endless), MalformedMessageException.class).rule())
                .isEqualTo("XML_TOO_LARGE");
    }

    @Test
    void the_default_limit_reads_a_real_message() {
        assertThat(new CebReader().read(new CebWriter().write(CebFixtures.inventoryMessage()))).isNotNull();
    }

    @Test
    void absurd_nesting_is_refused() {
        String deep = String.join("", Collections.nCopies(40, "<a>")) + String.join("", Collections.nCopies(40,
                "</a>"));
        String xml = RECEIPT_OPEN.replace("<returnInfo>", "<note>" + deep + "</note><returnInfo>") + "x"
                + RECEIPT_CLOSE;

        assertThat(refused(xml).rule()).isEqualTo("XML_TOO_DEEP");
    }

    @Test
    void not_well_formed_xml_is_refused() {
        assertThat(refused(RECEIPT_OPEN + "unclosed").rule()).isEqualTo("XML_MALFORMED");
    }

    private MalformedMessageException refused(String xml) {
        return catchThrowableOfType(() -> reader.read(xml.getBytes(StandardCharsets.UTF_8)),
                MalformedMessageException.class);
    }
}
