package io.vitrine.customs.signing;

import io.vitrine.customs.signing.infra.SigningKey;
import io.vitrine.customs.signing.infra.SigningKeys;
import io.vitrine.customs.signing.infra.XmlDsigMessageSigner;
import io.vitrine.customs.signing.infra.XmlDsigSignatureVerifier;
import io.vitrine.customs.xml.SafeXml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageSigningTest {

    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    private static final int LIMIT = 1 << 20;
    private static final Map<SignatureAlgorithm, SigningKey> KEYS = new EnumMap<>(SignatureAlgorithm.class);
    private final SignatureVerifier verifier = new XmlDsigSignatureVerifier(LIMIT);

    static Stream<Arguments> algorithmsAndDigests() {
        return Stream.of(SignatureAlgorithm.values())
                .flatMap(a -> Stream.of(DigestAlgorithm.values()).map(d -> Arguments.of(a, d)));
    }

    private static synchronized SigningKey key(SignatureAlgorithm algorithm) {
        return KEYS.computeIfAbsent(algorithm, TestKeys::generate);
    }

    private static MessageSigner signer(SignatureAlgorithm algorithm, DigestAlgorithm digest) {
        return new XmlDsigMessageSigner(key(algorithm), algorithm, digest, LIMIT);
    }

    @ParameterizedTest
    @MethodSource("algorithmsAndDigests")
    void a_signed_message_verifies_with_the_certificate_it_carries(SignatureAlgorithm algorithm, DigestAlgorithm digest) {
        byte[] signed = signer(algorithm, digest).sign(CebSamples.unsignedOrder());

        VerifiedSignature verified = verifier.verify(signed);

        assertEquals(algorithm, verified.algorithm());
        assertEquals(digest, verified.digest());
        assertEquals(key(algorithm).certificate(), verified.certificate());
    }

    @ParameterizedTest
    @MethodSource("algorithmsAndDigests")
    void the_signature_is_the_roots_last_child_with_the_methods_and_key_name_of_the_standard(SignatureAlgorithm algorithm, DigestAlgorithm digest) {
        Document signed = SafeXml.parse(signer(algorithm, digest).sign(CebSamples.unsignedOrder()), LIMIT);

        Node last = signed.getDocumentElement().getLastChild();
        assertEquals(DS, last.getNamespaceURI());
        assertEquals("Signature", last.getLocalName());
        assertEquals("http://www.w3.org/TR/2001/REC-xml-c14n-20010315", attribute(signed, "CanonicalizationMethod"));
        assertEquals(algorithm.uri(), attribute(signed, "SignatureMethod"));
        assertEquals(digest.uri(), attribute(signed, "DigestMethod"));
        assertEquals("", ((Element) signed.getElementsByTagNameNS(DS, "Reference").item(0)).getAttribute("URI"));
        assertEquals(key(algorithm).certificate().getSerialNumber().toString(16), text(signed, "KeyName"));
    }

    @Test
    void an_sm2_signature_value_is_the_64_byte_r_and_s_that_e_port_devices_produce() {
        Document signed = SafeXml.parse(signer(SignatureAlgorithm.SM2_SM3, DigestAlgorithm.SM3).sign(CebSamples.unsignedOrder()), LIMIT);

        assertEquals(64, Base64.getDecoder().decode(text(signed, "SignatureValue")).length);
    }

    @Test
    void rsa_sha1_output_is_accepted_by_the_jdks_own_xml_signature_validator() throws Exception {
        Document signed = SafeXml.parse(signer(SignatureAlgorithm.RSA_SHA1, DigestAlgorithm.SHA1).sign(CebSamples.unsignedOrder()), LIMIT);
        Node signatureNode = signed.getElementsByTagNameNS(DS, "Signature").item(0);

        DOMValidateContext context = new DOMValidateContext(key(SignatureAlgorithm.RSA_SHA1).certificate().getPublicKey(), signatureNode);
        context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.FALSE); // the JDK refuses SHA-1 in secure mode
        XMLSignature signature = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context);

        assertTrue(signature.validate(context));
    }

    @ParameterizedTest
    @MethodSource("algorithmsAndDigests")
    void a_message_changed_after_signing_fails_verification(SignatureAlgorithm algorithm, DigestAlgorithm digest) {
        String signed = new String(signer(algorithm, digest).sign(CebSamples.unsignedOrder()), StandardCharsets.UTF_8);
        byte[] tampered = signed.replace("<ceb:goodsValue>199.00000<", "<ceb:goodsValue>19.00000<").getBytes(StandardCharsets.UTF_8);
        assertFalse(signed.contains("<ceb:goodsValue>19.00000<"));

        SignatureRejectedException rejected = assertThrows(SignatureRejectedException.class, () -> verifier.verify(tampered));
        assertTrue(rejected.getMessage().contains("changed after signing"), rejected.getMessage());
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void a_signature_whose_signed_info_was_edited_fails_verification(SignatureAlgorithm algorithm) {
        // re-digesting a tampered message and writing the new digest in does not help without the key
        MessageSigner signer = signer(algorithm, DigestAlgorithm.SHA1);
        String original = new String(signer.sign(CebSamples.unsignedOrder()), StandardCharsets.UTF_8);
        String forgedDigest = digestValueOf(signer.sign(
                new String(CebSamples.unsignedOrder(), StandardCharsets.UTF_8).replace("199.00000", "1.00000").getBytes(StandardCharsets.UTF_8)));
        String forged = original.replace("199.00000", "1.00000")
                .replace(digestValueOf(original.getBytes(StandardCharsets.UTF_8)), forgedDigest);

        SignatureRejectedException rejected = assertThrows(SignatureRejectedException.class,
                () -> verifier.verify(forged.getBytes(StandardCharsets.UTF_8)));
        assertTrue(rejected.getMessage().contains("signature value does not match"), rejected.getMessage());
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void a_signature_checked_against_another_keys_certificate_fails(SignatureAlgorithm algorithm) {
        String signed = new String(signer(algorithm, DigestAlgorithm.SHA1).sign(CebSamples.unsignedOrder()), StandardCharsets.UTF_8);
        String ownCertificate = text(SafeXml.parse(signed.getBytes(StandardCharsets.UTF_8), LIMIT), "X509Certificate");
        String otherCertificate = Base64.getEncoder().encodeToString(encoded(TestKeys.generate(algorithm)));
        byte[] swapped = signed.replace(ownCertificate, otherCertificate).getBytes(StandardCharsets.UTF_8);

        assertThrows(SignatureRejectedException.class, () -> verifier.verify(swapped));
    }

    @Test
    void one_signer_and_verifier_serve_concurrent_threads() throws Exception {
        MessageSigner signer = signer(SignatureAlgorithm.SM2_SM3, DigestAlgorithm.SM3);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<VerifiedSignature>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                results.add(pool.submit(() -> verifier.verify(signer.sign(CebSamples.unsignedOrder()))));
            }
            for (java.util.concurrent.Future<VerifiedSignature> result : results) {
                assertEquals(key(SignatureAlgorithm.SM2_SM3).certificate(), result.get(60, java.util.concurrent.TimeUnit.SECONDS).certificate());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void an_unsigned_message_fails_verification() {
        assertThrows(SignatureRejectedException.class, () -> verifier.verify(CebSamples.unsignedOrder()));
    }

    @Test
    void a_message_is_signed_only_once() {
        MessageSigner signer = signer(SignatureAlgorithm.RSA_SHA1, DigestAlgorithm.SHA1);
        byte[] signed = signer.sign(CebSamples.unsignedOrder());

        assertThrows(SigningFailedException.class, () -> signer.sign(signed));
    }

    @Test
    void a_document_with_an_external_entity_is_refused_before_anything_is_read() {
        byte[] hostile = """
                <?xml version="1.0"?>
                <!DOCTYPE m [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
                <ceb:CEB311Message xmlns:ceb="http://www.chinaport.gov.cn/ceb">&secret;</ceb:CEB311Message>
                """.strip().getBytes(StandardCharsets.UTF_8);

        SigningFailedException refused = assertThrows(SigningFailedException.class,
                () -> signer(SignatureAlgorithm.RSA_SHA1, DigestAlgorithm.SHA1).sign(hostile));
        assertTrue(refused.getMessage().contains("DOCTYPE"), refused.getMessage());
    }

    @Test
    void a_document_over_the_size_limit_is_refused() {
        MessageSigner small = new XmlDsigMessageSigner(key(SignatureAlgorithm.RSA_SHA1), SignatureAlgorithm.RSA_SHA1, DigestAlgorithm.SHA1, 100);

        SigningFailedException refused = assertThrows(SigningFailedException.class, () -> small.sign(CebSamples.unsignedOrder()));
        assertTrue(refused.getMessage().contains("exceeds the limit of 100"), refused.getMessage());
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void a_key_from_a_pkcs12_file_signs_verifiable_messages(SignatureAlgorithm algorithm, @TempDir Path dir) throws Exception {
        SigningKey generated = TestKeys.generate(algorithm);
        Path file = TestKeys.writePkcs12(dir.resolve("declarant.p12"), generated, "declarant", "s3cret".toCharArray());

        SigningKey loaded = SigningKeys.fromPkcs12(file, "s3cret".toCharArray(), null);
        byte[] signed = new XmlDsigMessageSigner(loaded, algorithm, DigestAlgorithm.SM3, LIMIT).sign(CebSamples.unsignedOrder());

        assertEquals(generated.certificate(), verifier.verify(signed).certificate());
    }

    @Test
    void a_pkcs12_file_with_a_wrong_password_is_refused_without_echoing_it(@TempDir Path dir) throws Exception {
        Path file = TestKeys.writePkcs12(dir.resolve("declarant.p12"), key(SignatureAlgorithm.RSA_SHA1), "declarant", "s3cret".toCharArray());

        SigningFailedException refused = assertThrows(SigningFailedException.class,
                () -> SigningKeys.fromPkcs12(file, "guessed-wrong".toCharArray(), null));
        assertTrue(refused.getMessage().contains("declarant.p12"), refused.getMessage());
        assertFalse(refused.getMessage().contains("guessed-wrong"));
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void a_key_from_pem_files_signs_verifiable_messages_encrypted_or_not(SignatureAlgorithm algorithm, @TempDir Path dir) throws Exception {
        SigningKey generated = TestKeys.generate(algorithm);
        TestKeys.writePem(dir.resolve("plain.key"), dir.resolve("cert.pem"), generated, null);
        TestKeys.writePem(dir.resolve("encrypted.key"), dir.resolve("cert.pem"), generated, "pem-pass".toCharArray());

        SigningKey plain = SigningKeys.fromPem(dir.resolve("plain.key"), dir.resolve("cert.pem"), null);
        SigningKey encrypted = SigningKeys.fromPem(dir.resolve("encrypted.key"), dir.resolve("cert.pem"), "pem-pass".toCharArray());

        for (SigningKey loaded : new SigningKey[]{plain, encrypted}) {
            byte[] signed = new XmlDsigMessageSigner(loaded, algorithm, DigestAlgorithm.SHA1, LIMIT).sign(CebSamples.unsignedOrder());
            assertEquals(generated.certificate(), verifier.verify(signed).certificate());
        }
        assertArrayEquals(generated.privateKey().getEncoded(), encrypted.privateKey().getEncoded());
    }

    private static String attribute(Document document, String localName) {
        return ((Element) document.getElementsByTagNameNS(DS, localName).item(0)).getAttribute("Algorithm");
    }

    private static String text(Document document, String localName) {
        NodeList nodes = document.getElementsByTagNameNS(DS, localName);
        assertEquals(1, nodes.getLength(), localName);
        return nodes.item(0).getTextContent();
    }

    private static String digestValueOf(byte[] signed) {
        return text(SafeXml.parse(signed, LIMIT), "DigestValue");
    }

    private static byte[] encoded(SigningKey key) {
        try {
            return key.certificate().getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
