package io.vitrine.tenants.devices.signing;

import java.nio.charset.StandardCharsets;

/**
 * Signatures computed outside Java, with openssl, so the tests do not check our HMAC against itself.
 * <pre>
 * BODY='{"storeCode":"S001","lines":[{"sku":"A1","qty":2}]}'
 * H=$(printf '%s' "$BODY" | openssl dgst -sha256 -r | cut -d' ' -f1)
 * printf 'POST\n/pos/v1/orders?store=S001&amp;lang=zh-CN\n1767225600\nn0nce-0001abcd\n%s' "$H" \
 *   | openssl dgst -sha256 -hmac 'pos-secret-7f3a9c' -binary | base64
 * EH=$(printf '' | openssl dgst -sha256 -r | cut -d' ' -f1)
 * printf 'GET\n/pos/v1/whoami\n1767225600\nAbCdEfGh12345678\n%s' "$EH" \
 *   | openssl dgst -sha256 -hmac 'pos-secret-7f3a9c' -binary | base64
 * </pre>
 */
final class SigningVectors {

    static final String SECRET = "pos-secret-7f3a9c";
    /** 2026-01-01T00:00:00Z. */
    static final long TIMESTAMP = 1767225600L;

    static final String ORDER_TARGET = "/pos/v1/orders?store=S001&lang=zh-CN";
    static final byte[] ORDER_BODY = "{\"storeCode\":\"S001\",\"lines\":[{\"sku\":\"A1\",\"qty\":2}]}"
            .getBytes(StandardCharsets.UTF_8);
    static final String ORDER_BODY_SHA256 = "7b08c6302a0986190ade36a6f42f8c302aeb3d7e89e8b5701790ddd17996b0cd";
    static final String ORDER_NONCE = "n0nce-0001abcd";
    static final String ORDER_SIGNATURE = "BZqzKrNFKtN02/+nwGZtPtA4/3tXSjVQG8GSR9j51mw=";

    static final String WHOAMI_TARGET = "/pos/v1/whoami";
    static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    static final String WHOAMI_NONCE = "AbCdEfGh12345678";
    static final String WHOAMI_SIGNATURE = "1ScUY84sxW/PtSvMOvNqrN+jbkIh7uyMhLuMzWReR14=";

    private SigningVectors() {
    }

    static byte[] secret() {
        return SECRET.getBytes(StandardCharsets.US_ASCII);
    }
}
