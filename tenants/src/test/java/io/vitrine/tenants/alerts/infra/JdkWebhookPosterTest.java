package io.vitrine.tenants.alerts.infra;

import com.sun.net.httpserver.HttpServer;
import io.vitrine.tenants.alerts.WebhookPoster;
import io.vitrine.tenants.alerts.WebhookReceiver;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The webhook client against real receivers on loopback, and the address policy (SSRF) on literal addresses. */
class JdkWebhookPosterTest {

    private static final Duration TIMEOUT = Duration.ofMillis(500);

    @Test
    void in_production_a_webhook_on_loopback_is_refused_without_being_sent() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            WebhookPoster.WebhookOutcome outcome = poster(false).post(URI.create(receiver.url()), "{}", Map.of());
            assertThat(outcome).isInstanceOf(WebhookPoster.Refused.class);
            assertThat(((WebhookPoster.Refused) outcome).sent()).isFalse();
            assertThat(receiver.received()).isEmpty();
        }
    }

    @Test
    void private_link_local_and_reserved_addresses_are_not_public_and_internet_ones_are() throws Exception {
        for (String address : new String[]{"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "198.18.0.1", "192.0.0.8", "224.0.0.1", "255.255.255.255", "::1", "::",
                "fe80::1", "fd00::1", "::ffff:10.0.0.1"}) {
            assertThat(WebhookAddresses.isPublic(InetAddress.getByName(address))).as(address).isFalse();
        }
        for (String address : new String[]{"8.8.8.8", "114.114.114.114", "2400:3200::1"}) {
            assertThat(WebhookAddresses.isPublic(InetAddress.getByName(address))).as(address).isTrue();
        }
        assertThat(new WebhookAddresses(false).refusal(URI.create("http://169.254.169.254/latest/meta-data")))
                .isPresent();
        assertThat(new WebhookAddresses(false).refusal(URI.create("ftp://8.8.8.8/x"))).isPresent();
        assertThat(new WebhookAddresses(false).refusal(URI.create("https://8.8.8.8/hook"))).isEmpty();
    }

    @Test
    void a_2xx_is_delivered_a_5xx_or_429_is_worth_retrying_and_a_4xx_or_redirect_is_refused() {
        try (WebhookReceiver receiver = new WebhookReceiver().answering(204, 502, 429, 410, 302)) {
            URI url = URI.create(receiver.url());
            WebhookPoster poster = poster(true);
            assertThat(poster.post(url, "{\"a\":1}", Map.of("X-Vitrine-Alert-Id", "a1")))
                    .isEqualTo(new WebhookPoster.Delivered(204));
            assertThat(poster.post(url, "{}", Map.of())).isEqualTo(new WebhookPoster.Failed("HTTP 502"));
            assertThat(poster.post(url, "{}", Map.of())).isEqualTo(new WebhookPoster.Failed("HTTP 429"));
            assertThat(poster.post(url, "{}", Map.of())).isEqualTo(new WebhookPoster.Refused("HTTP 410", true));
            assertThat(poster.post(url, "{}", Map.of())).isEqualTo(new WebhookPoster.Refused("HTTP 302", true));
            assertThat(receiver.received().get(0).body()).isEqualTo("{\"a\":1}");
            assertThat(receiver.received().get(0).header("X-Vitrine-Alert-Id")).isEqualTo("a1");
        }
    }

    @Test
    void a_receiver_that_never_answers_or_is_not_there_fails_so_it_is_retried() throws Exception {
        HttpServer silent = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        silent.createContext("/hook", exchange -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        silent.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        silent.start();
        int port = silent.getAddress().getPort();
        try {
            WebhookPoster.WebhookOutcome outcome = poster(true).post(
                    URI.create("http://127.0.0.1:" + port + "/hook"), "{}", Map.of());
            assertThat(outcome).isInstanceOf(WebhookPoster.Failed.class);
            assertThat(((WebhookPoster.Failed) outcome).reason()).startsWith("no answer within");
        } finally {
            silent.stop(0);
        }
        assertThat(poster(true).post(URI.create("http://127.0.0.1:" + port + "/hook"), "{}", Map.of()))
                .isInstanceOf(WebhookPoster.Failed.class);
    }

    private static WebhookPoster poster(boolean allowPrivate) {
        return new JdkWebhookPoster(TIMEOUT, TIMEOUT, allowPrivate);
    }
}
