package io.vitrine.benchmarks;

import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.devices.signing.CanonicalRequest;
import io.vitrine.tenants.devices.signing.DeviceCredential;
import io.vitrine.tenants.devices.signing.DeviceSecrets;
import io.vitrine.tenants.devices.signing.SignedRequest;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The benchmark's devices and the traffic they send: {@value #DEVICES} POS devices of ten tenants,
 * each request a POS order with a typical JSON body, a fresh nonce and a valid signature. Device
 * credentials come from a map: the devices table (and its lookup cost) is not what is measured.
 */
final class DeviceFleet implements DeviceSecrets {

    static final int DEVICES = 1000;
    /** 2026-01-01T00:00:00Z; the verifier's clock is fixed there too. */
    static final long TIMESTAMP = 1767225600L;
    static final String METHOD = "POST";
    static final String TARGET = "/pos/v1/orders?store=S0042&lang=zh-CN";
    static final byte[] BODY = ("{\"storeCode\":\"S0042\",\"deviceOrderId\":\"POS-S0042-20260101-000123\","
            + "\"buyer\":{\"name\":\"张三\",\"idNumber\":\"11010519491231002X\",\"phone\":\"13800138000\"},"
            + "\"lines\":[{\"sku\":\"HK-MILK-900G\",\"gtin\":\"4901234567894\",\"quantity\":2,\"unitPriceFen\":25800},"
            + "{\"sku\":\"JP-SERUM-50ML\",\"gtin\":\"4987654321098\",\"quantity\":1,\"unitPriceFen\":46900}],"
            + "\"payment\":{\"channel\":\"ALIPAY_FACE_TO_FACE\",\"authCode\":\"287654321098765432\"},"
            + "\"totalFen\":98500,\"freightFen\":0,\"createdAt\":\"2026-01-01T08:00:00+08:00\"}")
            .getBytes(StandardCharsets.UTF_8);

    private final Map<String, DeviceCredential> devices = new HashMap<>();
    private final String[] keys = new String[DEVICES];
    private final byte[][] secrets = new byte[DEVICES][];
    private final String bodySha256Hex = CanonicalRequest.sha256Hex(BODY);

    DeviceFleet() {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < DEVICES; i++) {
            keys[i] = "pos-" + i;
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            // as shown to an installer: 64 hex characters, used as they are (DeviceCredential.secret)
            secrets[i] = HexFormat.of().formatHex(secret).getBytes(StandardCharsets.US_ASCII);
            DeviceCredential device = new DeviceCredential(keys[i], TenantId.of("retailer-" + (i % 10)),
                    DeviceCredential.Kind.POS, DeviceCredential.Status.ACTIVE, secrets[i]);
            devices.put(keys[i], device);
        }
    }

    @Override
    public Optional<DeviceCredential> find(String deviceKey) {
        return Optional.ofNullable(devices.get(deviceKey));
    }

    /** The secret of device 0 and the canonical text of one of its orders: the floor's input. */
    byte[] secretOfFirstDevice() {
        return secrets[0].clone();
    }

    String canonicalTextOfOneOrder() {
        return new CanonicalRequest(METHOD, TARGET, TIMESTAMP, "floor-nonce-0", bodySha256Hex).text();
    }

    /** {@code count} distinct, validly signed orders, round-robin over the devices; nonces start with {@code tag}. */
    SignedRequest[] signedOrders(int count, String tag) {
        SignedRequest[] requests = new SignedRequest[count];
        String timestamp = Long.toString(TIMESTAMP);
        for (int i = 0; i < count; i++) {
            int device = i % DEVICES;
            String nonce = tag + "-" + Integer.toString(i, 36);
            String signature = new CanonicalRequest(METHOD, TARGET, TIMESTAMP, nonce, bodySha256Hex).signature(secrets[device]);
            requests[i] = new SignedRequest(METHOD, TARGET, keys[device], timestamp, nonce, signature, BODY);
        }
        return requests;
    }
}
