package io.fusillade.engine.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/**
 * Reads PEM text with the JDK alone: X.509 certificates, and unencrypted private keys in
 * PKCS#8 ({@code BEGIN PRIVATE KEY}, RSA or EC) or PKCS#1 ({@code BEGIN RSA PRIVATE KEY}).
 * Every failure is an {@link IllegalArgumentException} whose message says what to fix.
 */
public final class PemReader {
    /** PKCS#8's AlgorithmIdentifier for rsaEncryption (1.2.840.113549.1.1.1) with NULL parameters. */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
        (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private PemReader() {
    }

    /** The certificates in {@code pem}, first one first; at least one. */
    public static X509Certificate[] certificates(String pem) {
        if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
            throw new IllegalArgumentException("no PEM certificate found (expected '-----BEGIN CERTIFICATE-----')");
        }
        try {
            Collection<? extends Certificate> read = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : read) {
                chain.add((X509Certificate) c);
            }
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("no PEM certificate found");
            }
            return chain.toArray(X509Certificate[]::new);
        } catch (CertificateException e) {
            throw new IllegalArgumentException("not a valid PEM certificate: " + e.getMessage(), e);
        }
    }

    /** The private key in {@code pem}. */
    public static PrivateKey privateKey(String pem) {
        if (pem.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
            throw new IllegalArgumentException("encrypted private keys are not supported; decrypt it first "
                    + "(openssl pkcs8 -topk8 -nocrypt)");
        }
        byte[] pkcs8;
        byte[] pkcs1 = block(pem, "RSA PRIVATE KEY");
        if (pkcs1 != null) {
            pkcs8 = wrapRsa(pkcs1);
        } else {
            pkcs8 = block(pem, "PRIVATE KEY");
        }
        if (pkcs8 == null) {
            if (pem.contains("-----BEGIN EC PRIVATE KEY-----")) {
                throw new IllegalArgumentException("EC keys in SEC1 form ('BEGIN EC PRIVATE KEY') are not supported; "
                        + "convert to PKCS#8 with: openssl pkcs8 -topk8 -nocrypt");
            }
            throw new IllegalArgumentException("no PEM private key found (expected '-----BEGIN PRIVATE KEY-----')");
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(pkcs8);
        for (String algorithm : List.of("RSA", "EC", "Ed25519", "RSASSA-PSS")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                // Not this algorithm: try the next.
            }
        }
        throw new IllegalArgumentException("the PEM private key is neither an RSA nor an EC key in PKCS#8 form");
    }

    /** The bytes of the first {@code -----BEGIN type-----} block, or null when there is none. */
    private static byte[] block(String pem, String type) {
        String begin = "-----BEGIN " + type + "-----";
        int start = pem.indexOf(begin);
        if (start < 0) {
            return null;
        }
        int end = pem.indexOf("-----END " + type + "-----", start);
        if (end < 0) {
            throw new IllegalArgumentException("PEM block '" + begin + "' has no END line");
        }
        String body = pem.substring(start + begin.length(), end).replaceAll("\\s", "");
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("PEM block '" + begin + "' is not valid base64: " + e.getMessage(), e);
        }
    }

    /** PKCS#1 RSA key bytes inside a PKCS#8 structure: SEQUENCE { 0, rsaEncryption, OCTET STRING key }. */
    private static byte[] wrapRsa(byte[] pkcs1) {
        ByteArrayOutputStream inner = new ByteArrayOutputStream();
        inner.writeBytes(new byte[] {0x02, 0x01, 0x00});
        inner.writeBytes(RSA_ALGORITHM);
        inner.write(0x04);
        writeLength(inner, pkcs1.length);
        inner.writeBytes(pkcs1);
        ByteArrayOutputStream outer = new ByteArrayOutputStream();
        outer.write(0x30);
        writeLength(outer, inner.size());
        outer.writeBytes(inner.toByteArray());
        return outer.toByteArray();
    }

    private static void writeLength(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else if (length < 0x10000) {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length & 0xff);
        } else {
            out.write(0x83);
            out.write(length >> 16);
            out.write((length >> 8) & 0xff);
            out.write(length & 0xff);
        }
    }
}
