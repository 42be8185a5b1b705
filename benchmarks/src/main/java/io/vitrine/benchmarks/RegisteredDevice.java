package io.vitrine.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** A POS registered through {@code POST /api/v1/devices} by the retailer's admin: its key and its secret (shown once). */
record RegisteredDevice(String deviceKey, byte[] secret) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static RegisteredDevice pos(HttpClient http, URI app, String adminToken, String storeCode)
            throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(app.resolve("/api/v1/devices"))
                .header("Authorization", adminToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"storeCode\":\"" + storeCode + "\",\"kind\":\"POS\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("device of " + storeCode + ": " + answer.statusCode() + " " + answer.body());
        }
        JsonNode device = JSON.readTree(answer.body());
        return new RegisteredDevice(device.path("deviceKey").asText(),
                device.path("secret").asText().getBytes(StandardCharsets.US_ASCII));
    }
}
