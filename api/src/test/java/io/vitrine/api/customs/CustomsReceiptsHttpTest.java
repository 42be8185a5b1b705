package io.vitrine.api.customs;

import io.vitrine.api.tenants.Rows;
import io.vitrine.api.testing.OwnVitrine;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.customs.messages.CebMessage;
import io.vitrine.customs.messages.CebWriter;
import io.vitrine.customs.messages.MessageType;
import io.vitrine.customs.messages.TaxBill;
import io.vitrine.customs.messages.TaxHeadRd;
import io.vitrine.customs.messages.TaxListRd;
import io.vitrine.kernel.id.Ids;
import io.vitrine.kernel.money.Money;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/customs/receipts} on an application of its own with the HTTP receipt channel open: the shared
 * secret (401 without it), a CEB816 pushed twice recorded once and answered 200 both times, malformed or XXE XML 400
 * problem+json recording nothing, a body past 8 MiB 413, a message that is no receipt 200 with {@code unknown}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomsReceiptsHttpTest {

    private static final String PATH = "/api/v1/customs/receipts";
    private static final String SECRET = "customs-receipts-test-secret";

    private RunningVitrine vitrine;

    @BeforeAll
    void start() {
        vitrine = OwnVitrine.embedded(Map.of("vitrine.customs.receipts.http.enabled", true,
                "vitrine.customs.receipts.http.shared-secret", SECRET));
    }

    @AfterAll
    void stop() {
        vitrine.close();
    }

    @Test
    void a_tax_bill_pushed_twice_is_recorded_once_and_answered_200_both_times() {
        String taxNo = "T" + UUID.randomUUID().toString().substring(0, 12);
        byte[] xml = taxBill(taxNo);

        HttpResponse<String> first = post(xml, SECRET);
        HttpResponse<String> second = post(xml, SECRET);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains("\"type\":\"CEB816\"").contains("\"recorded\":1");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).contains("\"recorded\":0").contains("\"repeated\":1");
        assertThat(Rows.column(vitrine, "SELECT tax_no FROM customs_tax_bills WHERE tax_no = ?", taxNo))
                .containsExactly(taxNo);
    }

    @Test
    void without_the_secret_it_is_401_and_nothing_is_recorded() {
        String taxNo = "T" + UUID.randomUUID().toString().substring(0, 12);
        assertProblem(post(taxBill(taxNo), null), 401);
        assertProblem(post(taxBill(taxNo), SECRET + "x"), 401);
        assertThat(Rows.column(vitrine, "SELECT tax_no FROM customs_tax_bills WHERE tax_no = ?", taxNo)).isEmpty();
    }

    @Test
    void malformed_and_xxe_bodies_are_400_problems_and_too_large_is_413() {
        assertProblem(post("<CEB816Message><oops".getBytes(StandardCharsets.UTF_8), SECRET), 400);
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<CEB816Message>&x;</CEB816Message>";
        HttpResponse<String> refused = post(xxe.getBytes(StandardCharsets.UTF_8), SECRET);
        assertProblem(refused, 400);
        assertThat(refused.body()).doesNotContain("root:");
        assertProblem(post("<html/>".getBytes(StandardCharsets.UTF_8), SECRET), 400);
        byte[] large = new byte[(8 << 20) + 1];
        java.util.Arrays.fill(large, (byte) ' ');
        assertProblem(post(large, SECRET), 413);
    }

    private byte[] taxBill(String taxNo) {
        String guid = Ids.customsGuid();
        TaxHeadRd head = new TaxHeadRd(guid, Instant.now().truncatedTo(ChronoUnit.SECONDS), "I" + taxNo, taxNo,
                Money.ZERO, Money.ofFen(2721), Money.ZERO, TaxHeadRd.GENERATED, null, null, null, "3301964J31", null,
                null, "3301");
        return new CebWriter().write(new CebMessage<>(MessageType.CEB816, guid, List.of(new TaxBill(head,
                List.of(new TaxListRd(1, "0402291900", Money.ofFen(29900), Money.ZERO, Money.ofFen(2721),
                        Money.ZERO)))), null));
    }

    private HttpResponse<String> post(byte[] body, String secret) {
        HttpRequest.Builder request = HttpRequest.newBuilder(vitrine.uri(PATH)).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (secret != null) {
            request.header("X-Customs-Token", secret);
        }
        return vitrine.send(request.build());
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }
}
