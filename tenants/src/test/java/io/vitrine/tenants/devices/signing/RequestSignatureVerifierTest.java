package io.vitrine.tenants.devices.signing;

import io.vitrine.kernel.cache.infra.InProcessNonceStore;
import io.vitrine.kernel.time.ChinaTime;
import io.vitrine.tenants.devices.signing.DeviceCredential.Status;
import io.vitrine.tenants.devices.signing.VerificationResult.Rejected;
import io.vitrine.tenants.devices.signing.VerificationResult.RejectionReason;
import io.vitrine.tenants.devices.signing.VerificationResult.Verified;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static io.vitrine.tenants.devices.signing.SigningVectors.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The verifier on in-process nonce stores; {@code RedisNonceSigningTest} covers Redis and its outage. */
class RequestSignatureVerifierTest {

    private static final Instant NOW = Instant.ofEpochSecond(TIMESTAMP);
    private static final String POS = "pos-s001-1";

    private final Clock clock = Clock.fixed(NOW, ChinaTime.ZONE);
    private final InMemoryDeviceSecrets secrets = new InMemoryDeviceSecrets()
            .add(POS, "retailer-a", Status.ACTIVE, SECRET)
            .add("pos-s001-2", "retailer-a", Status.ACTIVE, SECRET)
            .add("pos-s001-old", "retailer-a", Status.REVOKED, SECRET);
    private CountingNonceStore nonces;
    private RequestSignatureVerifier verifier;

    @BeforeEach
    void newStores() {
        nonces = new CountingNonceStore(new InProcessNonceStore());
        verifier = new RequestSignatureVerifier(secrets, nonces, new InProcessNonceStore(), clock,
                RequestSignatureVerifier.DEFAULT_CLOCK_SKEW);
    }

    private static SignedRequest openSslOrder() {
        return new SignedRequest("POST", ORDER_TARGET, POS, Long.toString(TIMESTAMP), ORDER_NONCE, ORDER_SIGNATURE,
                ORDER_BODY);
    }

    private static SignedRequest signed(String deviceKey, String method, String target, byte[] body, long timestamp,
                                        String nonce) {
        return RequestSigner.sign(deviceKey, secret(), method, target, body, timestamp, nonce)
                .toRequest(method, target, body);
    }

    private VerificationResult verify(SignedRequest request) {
        return verifier.verify(request, ReplayProtection.STRICT);
    }

    private static RejectionReason reason(VerificationResult result) {
        assertThat(result).isInstanceOf(Rejected.class);
        return ((Rejected) result).reason();
    }

    @Test
    void a_request_signed_with_openssl_is_verified_as_its_device() {
        VerificationResult result = verify(openSslOrder());

        assertThat(result).isInstanceOf(Verified.class);
        DeviceCredential device = ((Verified) result).credential();
        assertThat(device.deviceKey()).isEqualTo(POS);
        assertThat(device.tenant().value()).isEqualTo("retailer-a");
    }

    @Test
    void a_get_without_body_signed_with_openssl_is_verified() {
        SignedRequest whoami = new SignedRequest("GET", WHOAMI_TARGET, POS, Long.toString(TIMESTAMP), WHOAMI_NONCE,
                WHOAMI_SIGNATURE, null);

        assertThat(verify(whoami)).isInstanceOf(Verified.class);
    }

    @Test
    void a_request_made_by_the_signer_is_verified() {
        RequestSigner signer = new RequestSigner(clock);
        SignedRequest request = signer.sign(POS, secret(), "POST", ORDER_TARGET, ORDER_BODY)
                .toRequest("POST", ORDER_TARGET, ORDER_BODY);

        assertThat(verify(request)).isInstanceOf(Verified.class);
    }

    @ParameterizedTest
    @EnumSource(ReplayProtection.class)
    void a_replayed_request_is_refused(ReplayProtection protection) {
        assertThat(verifier.verify(openSslOrder(), protection)).isInstanceOf(Verified.class);

        assertThat(reason(verifier.verify(openSslOrder(), protection))).isEqualTo(RejectionReason.REPLAYED_NONCE);
    }

    @Test
    void the_same_nonce_from_another_device_is_no_replay() {
        assertThat(verify(signed(POS, "GET", WHOAMI_TARGET, null, TIMESTAMP, "shared-nonce-1"))).isInstanceOf(Verified.class);

        assertThat(verify(signed("pos-s001-2", "GET", WHOAMI_TARGET, null, TIMESTAMP, "shared-nonce-1")))
                .isInstanceOf(Verified.class);
    }

    @Test
    void a_new_nonce_on_the_same_request_is_no_replay() {
        assertThat(verify(signed(POS, "GET", WHOAMI_TARGET, null, TIMESTAMP, "nonce-one"))).isInstanceOf(Verified.class);

        assertThat(verify(signed(POS, "GET", WHOAMI_TARGET, null, TIMESTAMP, "nonce-two"))).isInstanceOf(Verified.class);
    }

    @ParameterizedTest
    @ValueSource(longs = {-300, -1, 1, 300})
    void a_timestamp_up_to_300_seconds_either_side_of_the_server_clock_is_accepted(long offset) {
        assertThat(verify(signed(POS, "GET", WHOAMI_TARGET, null, TIMESTAMP + offset, "skew-nonce")))
                .isInstanceOf(Verified.class);
    }

    @ParameterizedTest
    @ValueSource(longs = {-301, 301, -86_400, 86_400})
    void a_timestamp_further_than_300_seconds_either_side_is_stale_and_says_the_server_time(long offset) {
        VerificationResult result = verify(signed(POS, "GET", WHOAMI_TARGET, null, TIMESTAMP + offset, "skew-nonce"));

        assertThat(reason(result)).isEqualTo(RejectionReason.STALE_TIMESTAMP);
        assertThat(((Rejected) result).serverTime()).isEqualTo(NOW);
        assertThat(nonces.calls()).isZero();
    }

    @Test
    void the_clock_skew_is_configurable() {
        RequestSignatureVerifier strict = new RequestSignatureVerifier(secrets, nonces, new InProcessNonceStore(), clock,
                Duration.ofSeconds(60));

        assertThat(strict.verify(signed(POS, "GET", WHOAMI_TARGET, null, TIMESTAMP - 60, "skew-nonce-a"),
                ReplayProtection.STRICT)).isInstanceOf(Verified.class);
        assertThat(reason(strict.verify(signed(POS, "GET", WHOAMI_TARGET, null, TIMESTAMP + 61, "skew-nonce-b"),
                ReplayProtection.STRICT))).isEqualTo(RejectionReason.STALE_TIMESTAMP);
    }

    @Test
    void a_reordered_query_string_fails_the_signature() {
        SignedRequest asSigned = openSslOrder();
        SignedRequest reordered = new SignedRequest("POST", "/pos/v1/orders?lang=zh-CN&store=S001", POS,
                asSigned.timestamp(), asSigned.nonce(), asSigned.signature(), ORDER_BODY);

        assertThat(reason(verify(reordered))).isEqualTo(RejectionReason.BAD_SIGNATURE);
    }

    @Test
    void a_re_encoded_query_string_fails_the_signature() {
        String sent = "/pos/v1/products?q=%E5%BA%97";
        SignedRequest signedLowerCase = signed(POS, "GET", "/pos/v1/products?q=%e5%ba%97", null, TIMESTAMP, "encoding-1");

        SignedRequest request = new SignedRequest("GET", sent, POS, signedLowerCase.timestamp(),
                signedLowerCase.nonce(), signedLowerCase.signature(), null);

        assertThat(reason(verify(request))).isEqualTo(RejectionReason.BAD_SIGNATURE);
    }

    static Stream<Arguments> tamperings() {
        UnaryOperator<SignedRequest> otherBody = r -> new SignedRequest(r.method(), r.target(), r.deviceKey(),
                r.timestamp(), r.nonce(), r.signature(),
                "{\"storeCode\":\"S001\",\"lines\":[{\"sku\":\"A1\",\"qty\":20}]}".getBytes(StandardCharsets.UTF_8));
        UnaryOperator<SignedRequest> noBody = r -> new SignedRequest(r.method(), r.target(), r.deviceKey(),
                r.timestamp(), r.nonce(), r.signature(), null);
        UnaryOperator<SignedRequest> otherMethod = r -> new SignedRequest("PUT", r.target(), r.deviceKey(),
                r.timestamp(), r.nonce(), r.signature(), r.body());
        UnaryOperator<SignedRequest> otherPath = r -> new SignedRequest(r.method(), "/pos/v1/refunds?store=S001&lang=zh-CN",
                r.deviceKey(), r.timestamp(), r.nonce(), r.signature(), r.body());
        UnaryOperator<SignedRequest> queryDropped = r -> new SignedRequest(r.method(), "/pos/v1/orders",
                r.deviceKey(), r.timestamp(), r.nonce(), r.signature(), r.body());
        UnaryOperator<SignedRequest> otherTimestamp = r -> new SignedRequest(r.method(), r.target(), r.deviceKey(),
                Long.toString(TIMESTAMP + 1), r.nonce(), r.signature(), r.body());
        UnaryOperator<SignedRequest> otherNonce = r -> new SignedRequest(r.method(), r.target(), r.deviceKey(),
                r.timestamp(), "n0nce-0001abce", r.signature(), r.body());
        UnaryOperator<SignedRequest> otherDevice = r -> new SignedRequest(r.method(), r.target(), "pos-s001-2",
                r.timestamp(), r.nonce(), RequestSigner.sign("pos-s001-2", "another-secret".getBytes(StandardCharsets.US_ASCII),
                r.method(), r.target(), r.body(), TIMESTAMP, r.nonce()).signature(), r.body());
        return Stream.of(
                Arguments.of("body changed", otherBody),
                Arguments.of("body dropped", noBody),
                Arguments.of("method changed", otherMethod),
                Arguments.of("path changed", otherPath),
                Arguments.of("query dropped", queryDropped),
                Arguments.of("timestamp changed", otherTimestamp),
                Arguments.of("nonce changed", otherNonce),
                Arguments.of("signed with another secret", otherDevice));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tamperings")
    void a_tampered_request_fails_the_signature_and_leaves_the_nonce_store_alone(String what,
                                                                                 UnaryOperator<SignedRequest> tamper) {
        assertThat(reason(verify(tamper.apply(openSslOrder())))).isEqualTo(RejectionReason.BAD_SIGNATURE);
        assertThat(nonces.calls()).isZero();
    }

    @Test
    void a_revoked_device_is_refused_even_when_correctly_signed() {
        SignedRequest request = signed("pos-s001-old", "GET", WHOAMI_TARGET, null, TIMESTAMP, "revoked-nonce");

        assertThat(reason(verify(request))).isEqualTo(RejectionReason.REVOKED);
        assertThat(nonces.calls()).isZero();
    }

    @Test
    void a_revoked_device_with_a_bad_signature_learns_nothing_about_its_key() {
        SignedRequest request = RequestSigner.sign("pos-s001-old", "guessed-secret".getBytes(StandardCharsets.US_ASCII),
                "GET", WHOAMI_TARGET, null, TIMESTAMP, "revoked-nonce").toRequest("GET", WHOAMI_TARGET, null);

        assertThat(reason(verify(request))).isEqualTo(RejectionReason.BAD_SIGNATURE);
    }

    @Test
    void an_unknown_device_key_is_refused() {
        SignedRequest request = signed("pos-nobody", "GET", WHOAMI_TARGET, null, TIMESTAMP, "unknown-nonce");

        assertThat(reason(verify(request))).isEqualTo(RejectionReason.UNKNOWN_KEY);
        assertThat(nonces.calls()).isZero();
    }

    static Stream<Arguments> malformedRequests() {
        SignedRequest good = openSslOrder();
        return Stream.of(
                Arguments.of("no device key", with(good, "deviceKey", null)),
                Arguments.of("device key with a brace", with(good, "deviceKey", "pos-{1}")),
                Arguments.of("no timestamp", with(good, "timestamp", null)),
                Arguments.of("timestamp with a fraction", with(good, "timestamp", "1767225600.0")),
                Arguments.of("negative timestamp", with(good, "timestamp", "-1767225600")),
                Arguments.of("timestamp with a leading zero", with(good, "timestamp", "01767225600")),
                Arguments.of("timestamp of 13 digits", with(good, "timestamp", "1767225600000")),
                Arguments.of("no nonce", with(good, "nonce", null)),
                Arguments.of("nonce of 7 characters", with(good, "nonce", "abcdefg")),
                Arguments.of("nonce of 65 characters", with(good, "nonce", "a".repeat(65))),
                Arguments.of("nonce with a dot", with(good, "nonce", "n0nce.0001abcd")),
                Arguments.of("nonce with a plus", with(good, "nonce", "n0nce+0001abcd")),
                Arguments.of("nonce with a space", with(good, "nonce", "n0nce 0001abcd")),
                Arguments.of("nonce with a newline", with(good, "nonce", "n0nce\n0001abcd")),
                Arguments.of("no signature", with(good, "signature", null)),
                Arguments.of("signature not Base64", with(good, "signature", "not-a-signature")),
                Arguments.of("signature without padding", with(good, "signature", ORDER_SIGNATURE.substring(0, 43))),
                Arguments.of("signature in hex", with(good, "signature", "05" + "9a".repeat(31))),
                Arguments.of("lower-case method", with(good, "method", "post")),
                Arguments.of("target not starting with '/'", with(good, "target", "pos/v1/orders")),
                Arguments.of("target with a newline", with(good, "target", "/pos/v1/orders\n1767225600")),
                Arguments.of("target with a space", with(good, "target", "/pos/v1/orders?a=b c")));
    }

    private static SignedRequest with(SignedRequest r, String field, String value) {
        return new SignedRequest(
                field.equals("method") ? value : r.method(),
                field.equals("target") ? value : r.target(),
                field.equals("deviceKey") ? value : r.deviceKey(),
                field.equals("timestamp") ? value : r.timestamp(),
                field.equals("nonce") ? value : r.nonce(),
                field.equals("signature") ? value : r.signature(),
                r.body());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRequests")
    void a_malformed_request_is_refused_before_the_nonce_store_is_touched(String what, SignedRequest request) {
        assertThat(reason(verify(request))).isEqualTo(RejectionReason.MALFORMED);
        assertThat(nonces.calls()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcdefgh", "A-b_C-d_", "0123456789-_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"})
    void nonces_of_8_to_64_letters_digits_dashes_and_underscores_are_accepted(String nonce) {
        assertThat(nonce.length()).isBetween(8, 64);

        assertThat(verify(signed(POS, "GET", WHOAMI_TARGET, null, TIMESTAMP, nonce))).isInstanceOf(Verified.class);
    }

    @Test
    void a_forged_stale_or_unknown_request_never_burns_the_nonce_of_the_genuine_one() {
        String nonce = "genuine-nonce-42";
        SignedRequest genuine = signed(POS, "POST", ORDER_TARGET, ORDER_BODY, TIMESTAMP, nonce);
        SignedRequest forged = new SignedRequest("POST", ORDER_TARGET, POS, genuine.timestamp(), nonce,
                RequestSigner.sign(POS, "attacker".getBytes(StandardCharsets.US_ASCII), "POST", ORDER_TARGET, ORDER_BODY,
                        TIMESTAMP, nonce).signature(), ORDER_BODY);
        SignedRequest stale = signed(POS, "POST", ORDER_TARGET, ORDER_BODY, TIMESTAMP - 3600, nonce);
        SignedRequest tamperedBody = new SignedRequest("POST", ORDER_TARGET, POS, genuine.timestamp(), nonce,
                genuine.signature(), "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(reason(verify(forged))).isEqualTo(RejectionReason.BAD_SIGNATURE);
        assertThat(reason(verify(stale))).isEqualTo(RejectionReason.STALE_TIMESTAMP);
        assertThat(reason(verify(tamperedBody))).isEqualTo(RejectionReason.BAD_SIGNATURE);
        assertThat(nonces.calls()).isZero();

        assertThat(verify(genuine)).isInstanceOf(Verified.class);
        assertThat(nonces.calls()).isEqualTo(1);
    }

    @Test
    void every_rejection_carries_the_server_time_it_was_judged_at() {
        VerificationResult result = verify(signed("pos-nobody", "GET", WHOAMI_TARGET, null, TIMESTAMP, "unknown-nonce"));

        assertThat(((Rejected) result).serverTime()).isEqualTo(NOW);
    }

    @Test
    void a_credential_never_shows_its_secret() {
        DeviceCredential device = secrets.find(POS).orElseThrow();

        assertThat(device.toString()).doesNotContain(SECRET).contains(POS);
    }
}
