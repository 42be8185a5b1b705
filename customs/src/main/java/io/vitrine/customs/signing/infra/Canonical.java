package io.vitrine.customs.signing.infra;

import org.apache.xml.security.c14n.CanonicalizationException;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.c14n.InvalidCanonicalizerException;
import org.w3c.dom.Node;

import java.io.ByteArrayOutputStream;

/** Canonical XML 1.0 without comments (c14n-20010315), the only method CEB signatures use. */
final class Canonical {

    static final String C14N_URI = Canonicalizer.ALGO_ID_C14N_OMIT_COMMENTS;

    static {
        org.apache.xml.security.Init.init();
    }

    private Canonical() {
    }

    /** The canonical form of a node and its descendants, with the namespaces in scope at its place. */
    static byte[] of(Node node) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Canonicalizer.getInstance(C14N_URI).canonicalizeSubtree(node, out);
            return out.toByteArray();
        } catch (InvalidCanonicalizerException | CanonicalizationException e) {
            throw new IllegalStateException("cannot canonicalise", e);
        }
    }
}
