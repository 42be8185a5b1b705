/**
 * Local-key signing: enveloped XML-DSig with C14N 1.0 (Apache Santuario), RSA-SHA1 through the JDK and
 * SM2 with SM3 through BouncyCastle, keys from a PKCS#12 file or PEM files.
 */
package io.vitrine.customs.signing.infra;
