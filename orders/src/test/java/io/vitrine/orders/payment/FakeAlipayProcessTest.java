package io.vitrine.orders.payment;

import com.alipay.api.AlipayClient;
import com.alipay.api.DefaultAlipayClient;
import com.alipay.api.domain.AlipayTradePrecreateModel;
import com.alipay.api.domain.AlipayTradeQueryModel;
import com.alipay.api.domain.AlipayTradeRefundModel;
import com.alipay.api.request.AlipayTradePrecreateRequest;
import com.alipay.api.request.AlipayTradeQueryRequest;
import com.alipay.api.request.AlipayTradeRefundRequest;
import com.alipay.api.response.AlipayTradeRefundResponse;
import io.vitrine.tools.fakealipay.FakeAlipayMain;
import io.vitrine.tools.fakealipay.RsaKeys;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fake gateway as a process of its own (FakeAlipayMain, started from this test's classpath, which holds
 * the fake's jar): the real SDK talks to it, the process is killed without warning, and the restarted one
 * still knows the app, the trades and the refunds, signs with the same key, and its ledger holds both runs.
 */
class FakeAlipayProcessTest {

    private static final String APP_ID = "2021000000555001";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void the_ledger_survives_a_killed_process_and_the_restarted_gateway_remembers_trades_and_refunds() throws Exception {
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")).toAbsolutePath(), "fake-alipay-");
        KeyPair app = RsaKeys.generate();

        Running first = Running.start(data);
        post(first.base().resolve("/control/apps"), "{\"appId\":\"" + APP_ID + "\",\"publicKey\":\"" + RsaKeys.publicKeyText(app) + "\"}");
        AlipayClient client = client(first, app);
        precreate(client, "PROC-PAID-1", "60.00");
        precreate(client, "PROC-OPEN-1", "8.00");
        post(first.base().resolve("/control/trades/PROC-PAID-1/pay"), "{}");
        assertThat(refund(client, "PROC-PAID-1", "R1", "10.00").getFundChange()).isEqualTo("Y");
        first.kill();

        Running second = Running.start(data);
        try {
            assertThat(second.alipayPublicKey()).isEqualTo(first.alipayPublicKey());
            AlipayClient again = client(second, app); // the app registered in the first run still signs in
            assertThat(query(again, "PROC-PAID-1")).isEqualTo("TRADE_SUCCESS");
            assertThat(query(again, "PROC-OPEN-1")).isEqualTo("WAIT_BUYER_PAY");
            AlipayTradeRefundResponse repeated = refund(again, "PROC-PAID-1", "R1", "10.00");
            assertThat(repeated.getFundChange()).isEqualTo("N");
            assertThat(repeated.getRefundFee()).isEqualTo("10.00");
            assertThat(refund(again, "PROC-PAID-1", "R2", "5.00").getRefundFee()).isEqualTo("15.00");
        } finally {
            second.kill();
        }

        List<String> ledger = Files.readAllLines(data.resolve("ledger.jsonl"), StandardCharsets.UTF_8);
        assertThat(ledger.stream().filter(l -> l.contains("\"method\":\"alipay.trade.precreate\""))).hasSize(2);
        assertThat(ledger.stream().filter(l -> l.contains("\"method\":\"alipay.trade.refund\""))).hasSize(3);
        assertThat(ledger.stream().filter(l -> l.contains("\"type\":\"trade\"") && l.contains("PROC-PAID-1"))).hasSize(4);
    }

    private static AlipayClient client(Running gateway, KeyPair app) {
        return new DefaultAlipayClient(gateway.base().resolve("/gateway.do").toString(), APP_ID, RsaKeys.privateKeyText(app),
                "json", "UTF-8", gateway.alipayPublicKey(), "RSA2");
    }

    private static void precreate(AlipayClient client, String outTradeNo, String amount) throws Exception {
        AlipayTradePrecreateModel model = new AlipayTradePrecreateModel();
        model.setOutTradeNo(outTradeNo);
        model.setTotalAmount(amount);
        model.setSubject("process test");
        AlipayTradePrecreateRequest request = new AlipayTradePrecreateRequest();
        request.setBizModel(model);
        assertThat(client.execute(request).isSuccess()).isTrue();
    }

    private static String query(AlipayClient client, String outTradeNo) throws Exception {
        AlipayTradeQueryModel model = new AlipayTradeQueryModel();
        model.setOutTradeNo(outTradeNo);
        AlipayTradeQueryRequest request = new AlipayTradeQueryRequest();
        request.setBizModel(model);
        return client.execute(request).getTradeStatus();
    }

    private static AlipayTradeRefundResponse refund(AlipayClient client, String outTradeNo, String requestNo, String amount)
            throws Exception {
        AlipayTradeRefundModel model = new AlipayTradeRefundModel();
        model.setOutTradeNo(outTradeNo);
        model.setOutRequestNo(requestNo);
        model.setRefundAmount(amount);
        AlipayTradeRefundRequest request = new AlipayTradeRefundRequest();
        request.setBizModel(model);
        AlipayTradeRefundResponse response = client.execute(request);
        assertThat(response.isSuccess()).as(response.getSubCode()).isTrue();
        return response;
    }

    private void post(URI url, String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** A FakeAlipayMain child process; its first line names its URL and public key. */
    private record Running(Process process, URI base, String alipayPublicKey) {

        static Running start(Path data) throws Exception {
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx128m", "-cp", System.getProperty("java.class.path"), FakeAlipayMain.class.getName(), data.toString())
                    .redirectError(data.resolve("stderr.log").toFile())
                    .start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine(); // null if the process died before listening
            assertThat(line).as("the fake's first line; see " + data.resolve("stderr.log")).startsWith("fake-alipay listening ");
            String[] parts = line.split(" ");
            return new Running(process, URI.create(parts[2]).resolve("/"), parts[3]);
        }

        /** SIGKILL: no shutdown hook runs, so only what the ledger synced survives. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(1, TimeUnit.MINUTES)).as("the fake process stopped").isTrue();
        }
    }
}
