package io.vitrine.orders.payment.reconciliation.infra;

import io.vitrine.orders.payment.reconciliation.BillDownloads;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Downloads the bill with the JDK's HTTP client, streaming (a busy shop's bill is megabytes). */
@Singleton
class HttpBillDownloads implements BillDownloads {

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    @Override
    public InputStream open(URI billUrl) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(billUrl).timeout(Duration.ofMinutes(2)).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new IOException("the bill address answered HTTP " + response.statusCode());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading the bill", e);
        }
    }
}
