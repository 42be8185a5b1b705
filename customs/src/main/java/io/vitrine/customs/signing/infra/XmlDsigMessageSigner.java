package io.vitrine.customs.signing.infra;

import io.vitrine.customs.signing.DigestAlgorithm;
import io.vitrine.customs.signing.MessageSigner;
import io.vitrine.customs.signing.SignatureAlgorithm;
import io.vitrine.customs.signing.SigningFailedException;
import io.vitrine.customs.signing.TextSignature;
import io.vitrine.customs.xml.SafeXml;
import io.vitrine.customs.xml.XmlRejectedException;
import org.w3c.dom.Document;

import java.util.Objects;

/** Signs with a key held in this process (loaded from PKCS#12 or PEM). Thread-safe. */
public final class XmlDsigMessageSigner implements MessageSigner {

    private final SigningKey key;
    private final SignatureAlgorithm algorithm;
    private final DigestAlgorithm digest;
    private final int maxMessageBytes;

    public XmlDsigMessageSigner(SigningKey key, SignatureAlgorithm algorithm, DigestAlgorithm digest, int maxMessageBytes) {
        this.key = Objects.requireNonNull(key, "key");
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.digest = Objects.requireNonNull(digest, "digest");
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public byte[] sign(byte[] unsignedMessage) {
        Document document;
        try {
            document = SafeXml.parse(unsignedMessage, maxMessageBytes);
        } catch (XmlRejectedException e) {
            throw new SigningFailedException("cannot sign: " + e.getMessage(), e);
        }
        EnvelopedSignature.sign(document, key, algorithm, digest);
        return SafeXml.serialize(document);
    }

    @Override
    public TextSignature signText(String text) {
        return TextSigning.sign(Objects.requireNonNull(text, "text"), key, algorithm);
    }

    @Override
    public SignatureAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public DigestAlgorithm digest() {
        return digest;
    }
}
