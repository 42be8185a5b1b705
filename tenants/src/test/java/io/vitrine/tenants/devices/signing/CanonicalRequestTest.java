package io.vitrine.tenants.devices.signing;

import org.junit.jupiter.api.Test;

import static io.vitrine.tenants.devices.signing.SigningVectors.*;
import static org.assertj.core.api.Assertions.assertThat;

class CanonicalRequestTest {

    @Test
    void text_is_method_target_timestamp_nonce_and_body_hash_on_five_lines() {
        CanonicalRequest canonical = CanonicalRequest.of("POST", ORDER_TARGET, TIMESTAMP, ORDER_NONCE, ORDER_BODY);

        assertThat(canonical.text()).isEqualTo(
                "POST\n/pos/v1/orders?store=S001&lang=zh-CN\n1767225600\nn0nce-0001abcd\n" + ORDER_BODY_SHA256);
    }

    @Test
    void an_empty_or_missing_body_hashes_the_empty_string() {
        assertThat(CanonicalRequest.of("GET", WHOAMI_TARGET, TIMESTAMP, WHOAMI_NONCE, new byte[0]).bodySha256Hex())
                .isEqualTo(EMPTY_SHA256);
        assertThat(CanonicalRequest.of("GET", WHOAMI_TARGET, TIMESTAMP, WHOAMI_NONCE, null).bodySha256Hex())
                .isEqualTo(EMPTY_SHA256);
    }

    @Test
    void signature_of_a_post_with_query_and_body_matches_openssl() {
        assertThat(CanonicalRequest.of("POST", ORDER_TARGET, TIMESTAMP, ORDER_NONCE, ORDER_BODY).signature(secret()))
                .isEqualTo(ORDER_SIGNATURE);
    }

    @Test
    void signature_of_a_get_without_body_matches_openssl() {
        assertThat(CanonicalRequest.of("GET", WHOAMI_TARGET, TIMESTAMP, WHOAMI_NONCE, null).signature(secret()))
                .isEqualTo(WHOAMI_SIGNATURE);
    }

    @Test
    void the_target_is_the_raw_path_and_the_raw_query_as_sent() {
        assertThat(SignedRequest.target("/pos/v1/whoami", null)).isEqualTo("/pos/v1/whoami");
        assertThat(SignedRequest.target("/pos/v1/items/a%2Fb", "q=%E5%BA%97&b=2&a=1"))
                .isEqualTo("/pos/v1/items/a%2Fb?q=%E5%BA%97&b=2&a=1");
        // a request line ending in '?' keeps it: that is what was sent and signed
        assertThat(SignedRequest.target("/pos/v1/feed", "")).isEqualTo("/pos/v1/feed?");
    }
}
