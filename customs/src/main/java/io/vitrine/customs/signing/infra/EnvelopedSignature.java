package io.vitrine.customs.signing.infra;

import io.vitrine.customs.signing.DigestAlgorithm;
import io.vitrine.customs.signing.SignatureAlgorithm;
import io.vitrine.customs.signing.SignatureRejectedException;
import io.vitrine.customs.signing.SigningFailedException;
import io.vitrine.customs.signing.VerifiedSignature;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The enveloped signature of domain.md "Signature": c14n-20010315, one Reference with {@code URI=""} and
 * the enveloped-signature transform, KeyInfo with KeyName (certificate serial, hex) and the certificate.
 * Built by hand rather than with the JDK's XML-DSig API, which knows neither SM2 nor SM3; the RSA-SHA1
 * output is checked against the JDK's validator in the tests.
 *
 * <p>Verification is strict on shape: exactly one signature, the root's child, exactly one Reference to
 * the whole document, only the enveloped transform. So nothing can be signed that is not the message.
 */
final class EnvelopedSignature {

    static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    static final String ENVELOPED = DS + "enveloped-signature";

    private EnvelopedSignature() {
    }

    static void sign(Document document, SigningKey key, SignatureAlgorithm algorithm, DigestAlgorithm digest) {
        Element root = document.getDocumentElement();
        if (document.getElementsByTagNameNS(DS, "Signature").getLength() > 0) {
            throw new SigningFailedException("the message is already signed");
        }
        byte[] digestValue = Crypto.digest(digest).digest(Canonical.of(document));

        Element signature = document.createElementNS(DS, "ds:Signature");
        signature.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:ds", DS);
        Element signedInfo = child(signature, "SignedInfo");
        child(signedInfo, "CanonicalizationMethod").setAttribute("Algorithm", Canonical.C14N_URI);
        child(signedInfo, "SignatureMethod").setAttribute("Algorithm", algorithm.uri());
        Element reference = child(signedInfo, "Reference");
        reference.setAttribute("URI", "");
        child(child(reference, "Transforms"), "Transform").setAttribute("Algorithm", ENVELOPED);
        child(reference, "DigestMethod").setAttribute("Algorithm", digest.uri());
        child(reference, "DigestValue").setTextContent(base64(digestValue));
        Element signatureValue = child(signature, "SignatureValue");
        Element keyInfo = child(signature, "KeyInfo");
        child(keyInfo, "KeyName").setTextContent(key.certificate().getSerialNumber().toString(16));
        child(child(keyInfo, "X509Data"), "X509Certificate").setTextContent(encoded(key.certificate()));
        root.appendChild(signature);

        try {
            Signature signer = Crypto.signature(algorithm);
            signer.initSign(key.privateKey());
            signer.update(Canonical.of(signedInfo));
            byte[] value = Crypto.toSignatureValue(algorithm, key.privateKey(), signer.sign());
            signatureValue.setTextContent(base64(value));
        } catch (GeneralSecurityException e) {
            root.removeChild(signature);
            throw new SigningFailedException("the key cannot make a " + algorithm + " signature: " + e.getMessage(), e);
        }
    }

    static VerifiedSignature verify(Document document) {
        Element root = document.getDocumentElement();
        NodeList signatures = document.getElementsByTagNameNS(DS, "Signature");
        if (signatures.getLength() != 1) {
            throw new SignatureRejectedException("expected exactly one ds:Signature, found " + signatures.getLength());
        }
        Element signature = (Element) signatures.item(0);
        if (signature.getParentNode() != root) {
            throw new SignatureRejectedException("the ds:Signature must be a child of the message root");
        }
        List<Element> parts = children(signature);
        if (parts.size() != 3 || !is(parts.get(0), "SignedInfo") || !is(parts.get(1), "SignatureValue") || !is(parts.get(2), "KeyInfo")) {
            throw new SignatureRejectedException("ds:Signature must hold SignedInfo, SignatureValue and KeyInfo");
        }
        Element signedInfo = parts.get(0);
        List<Element> info = children(signedInfo);
        if (info.size() != 3 || !is(info.get(0), "CanonicalizationMethod") || !is(info.get(1), "SignatureMethod")
                || !is(info.get(2), "Reference")) {
            throw new SignatureRejectedException("SignedInfo must hold one CanonicalizationMethod, SignatureMethod and Reference");
        }
        if (!Canonical.C14N_URI.equals(info.get(0).getAttribute("Algorithm"))) {
            throw new SignatureRejectedException("unsupported canonicalisation " + info.get(0).getAttribute("Algorithm"));
        }
        SignatureAlgorithm algorithm = SignatureAlgorithm.ofUri(info.get(1).getAttribute("Algorithm"))
                .orElseThrow(() -> new SignatureRejectedException("unsupported signature method " + info.get(1).getAttribute("Algorithm")));
        Element reference = info.get(2);
        DigestAlgorithm digest = checkedReference(reference);
        byte[] expectedDigest = decode(text(reference, "DigestValue"), "DigestValue");
        X509Certificate certificate = certificate(parts.get(2));

        Node next = signature.getNextSibling();
        root.removeChild(signature); // the enveloped-signature transform
        byte[] actualDigest;
        try {
            actualDigest = Crypto.digest(digest).digest(Canonical.of(document));
        } finally {
            root.insertBefore(signature, next);
        }
        if (!MessageDigest.isEqual(expectedDigest, actualDigest)) {
            throw new SignatureRejectedException("the message does not match its digest: it changed after signing");
        }
        try {
            Signature verifier = Crypto.signature(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(Canonical.of(signedInfo));
            byte[] value = decode(parts.get(1).getTextContent(), "SignatureValue");
            if (!verifier.verify(Crypto.fromSignatureValue(algorithm, certificate.getPublicKey(), value))) {
                throw new SignatureRejectedException("the signature value does not match SignedInfo and the certificate");
            }
        } catch (GeneralSecurityException e) {
            throw new SignatureRejectedException("the signature cannot be checked: " + e.getMessage(), e);
        }
        return new VerifiedSignature(algorithm, digest, certificate);
    }

    private static DigestAlgorithm checkedReference(Element reference) {
        if (!reference.hasAttribute("URI") || !reference.getAttribute("URI").isEmpty()) {
            throw new SignatureRejectedException("the Reference must cover the whole message (URI=\"\")");
        }
        List<Element> parts = children(reference);
        if (parts.size() != 3 || !is(parts.get(0), "Transforms") || !is(parts.get(1), "DigestMethod") || !is(parts.get(2), "DigestValue")) {
            throw new SignatureRejectedException("the Reference must hold Transforms, DigestMethod and DigestValue");
        }
        List<Element> transforms = children(parts.get(0));
        if (transforms.size() != 1 || !is(transforms.get(0), "Transform") || !ENVELOPED.equals(transforms.get(0).getAttribute("Algorithm"))) {
            throw new SignatureRejectedException("the only transform allowed is enveloped-signature");
        }
        return DigestAlgorithm.ofUri(parts.get(1).getAttribute("Algorithm"))
                .orElseThrow(() -> new SignatureRejectedException("unsupported digest method " + parts.get(1).getAttribute("Algorithm")));
    }

    private static X509Certificate certificate(Element keyInfo) {
        NodeList certificates = keyInfo.getElementsByTagNameNS(DS, "X509Certificate");
        if (certificates.getLength() != 1) {
            throw new SignatureRejectedException("KeyInfo must carry exactly one X509Certificate");
        }
        byte[] der = decode(certificates.item(0).getTextContent(), "X509Certificate");
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509", Crypto.BOUNCY_CASTLE)
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new SignatureRejectedException("KeyInfo holds no readable certificate", e);
        }
    }

    private static Element child(Element parent, String localName) {
        Element element = parent.getOwnerDocument().createElementNS(DS, "ds:" + localName);
        parent.appendChild(element);
        return element;
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeType() == Node.ELEMENT_NODE) {
                elements.add((Element) node);
            }
        }
        return elements;
    }

    private static boolean is(Element element, String localName) {
        return DS.equals(element.getNamespaceURI()) && localName.equals(element.getLocalName());
    }

    private static String text(Element parent, String localName) {
        return children(parent).stream().filter(e -> is(e, localName)).findFirst()
                .map(Element::getTextContent)
                .orElseThrow(() -> new SignatureRejectedException("missing " + localName));
    }

    private static byte[] decode(String base64, String what) {
        try {
            return Base64.getMimeDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new SignatureRejectedException(what + " is not Base64", e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String encoded(X509Certificate certificate) {
        try {
            return base64(certificate.getEncoded());
        } catch (CertificateException e) {
            throw new SigningFailedException("the certificate cannot be encoded", e);
        }
    }
}
