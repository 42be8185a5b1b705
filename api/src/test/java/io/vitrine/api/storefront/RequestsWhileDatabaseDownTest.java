package io.vitrine.api.storefront;

import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.testing.OwnVitrine;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.kernel.testing.PrivateMariaDbServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.vitrine.api.storefront.ShopFixture.A2;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * While the database is down (a private MariaDB, SIGKILLed), requests that need it answer 503 with Retry-After and a
 * problem body naming no host or driver error, never 500; once it is back, the pool recovers by itself. Found by
 * {@code ./vitrine bench faults --scenario mariadb} (issue #10): a pooled connection the crash had broken surfaced as
 * Micronaut Data's ConnectionException, which answered 500.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RequestsWhileDatabaseDownTest {

    private PrivateMariaDbServer mariaDb;
    private RunningVitrine vitrine;
    private TenantsApi api;
    private ShopFixture shop;

    @BeforeAll
    void aShopOnAPrivateMariaDb() throws Exception {
        mariaDb = PrivateMariaDbServer.start();
        try (Connection connection = DriverManager.getConnection(mariaDb.url() + "/", "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE vitrine CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        vitrine = OwnVitrine.embedded(Map.of(
                "datasources.default.url", mariaDb.url() + "/vitrine?useSSL=false&allowPublicKeyRetrieval=true"
                        + "&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&preserveInstants=true",
                "datasources.default.username", "root",
                "datasources.default.password", "",
                "datasources.default.driver-class-name", "com.mysql.cj.jdbc.Driver",
                "datasources.default.dialect", "MYSQL",
                "datasources.default.maximum-pool-size", 4,
                "datasources.default.connection-timeout", 1000));
        api = new TenantsApi(vitrine);
        shop = new ShopFixture(api);
        api.expect(200, api.get("/api/v1/products/" + A2, shop.token()));
        mariaDb.kill();
    }

    @AfterAll
    void stop() {
        if (vitrine != null) {
            vitrine.close();
        }
        if (mariaDb != null) {
            mariaDb.close();
        }
    }

    @Test
    @Order(1)
    void while_the_database_is_down_requests_that_need_it_answer_503_with_retry_after_never_500() {
        List<HttpResponse<String>> answers = new ArrayList<>();
        // more requests than pooled connections: the broken pooled ones first, then the pool's timeout
        for (int i = 0; i < 6; i++) {
            answers.add(api.get("/api/v1/products/" + A2, shop.token()));
            answers.add(api.get("/api/v1/products?page=0&size=5", shop.token()));
        }
        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode()).as(answer.request().uri() + ": " + answer.body()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(answer.body()).contains("briefly unavailable").doesNotContain("127.0.0.1")
                    .doesNotContain("Communications link");
        }
    }

    @Test
    @Order(2)
    void once_the_database_is_back_the_pool_recovers_and_requests_answer_again() throws Exception {
        mariaDb.restart();
        int status = 0;
        for (int attempt = 0; attempt < 120 && status != 200; attempt++) {
            status = api.get("/api/v1/products/" + A2, shop.token()).statusCode();
            assertThat(status).as("while the pool recovers").isIn(200, 503);
            if (status != 200) {
                Thread.sleep(500);
            }
        }
        assertThat(status).isEqualTo(200);
        assertThat(api.expect(200, api.get("/api/v1/products/" + A2, shop.token()))).containsEntry("sku", A2);
    }
}
