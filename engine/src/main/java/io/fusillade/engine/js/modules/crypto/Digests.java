package io.fusillade.engine.js.modules.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Hashes and HMACs for {@code crypto} and {@code k6/crypto}, with k6's output encodings. */
public final class Digests {
    private static final Map<String, String> DIGESTS = Map.of("md5", "MD5", "sha1", "SHA-1", "sha256", "SHA-256",
            "sha384", "SHA-384", "sha512", "SHA-512");
    private static final Map<String, String> MACS = Map.of("md5", "HmacMD5", "sha1", "HmacSHA1", "sha256", "HmacSHA256",
            "sha384", "HmacSHA384", "sha512", "HmacSHA512");

    private Digests() {
    }

    /** The digest of {@code data} with {@code algorithm} (md5, sha1, sha256, sha384, sha512). */
    public static byte[] hash(String algorithm, byte[] data) {
        String name = DIGESTS.get(algorithm.toLowerCase(Locale.ROOT).replace("-", ""));
        if (name == null) {
            throw new IllegalArgumentException("unsupported hash algorithm '" + algorithm + "': use one of md5, sha1, sha256, sha384, sha512");
        }
        try {
            return MessageDigest.getInstance(name).digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(name + " is missing from this JDK", e);
        }
    }

    /** The HMAC of {@code data} under {@code key} with {@code algorithm}'s hash. */
    public static byte[] hmac(String algorithm, byte[] key, byte[] data) {
        String name = MACS.get(algorithm.toLowerCase(Locale.ROOT).replace("-", ""));
        if (name == null) {
            throw new IllegalArgumentException("unsupported HMAC algorithm '" + algorithm + "': use one of md5, sha1, sha256, sha384, sha512");
        }
        try {
            Mac mac = Mac.getInstance(name);
            // An empty key is legal for HMAC but not for SecretKeySpec: a single zero byte is the same key.
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, name));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(name + " is missing from this JDK", e);
        }
    }

    /**
     * {@code bytes} as text: {@code hex}, {@code base64}, {@code base64url}, {@code base64rawurl},
     * or {@code binary} (one char per byte, for turning into an ArrayBuffer).
     */
    public static String encode(byte[] bytes, String encoding) {
        return switch (encoding) {
            case "hex" -> HexFormat.of().formatHex(bytes);
            case "base64" -> Base64.getEncoder().encodeToString(bytes);
            case "base64url" -> Base64.getUrlEncoder().encodeToString(bytes);
            case "base64rawurl" -> Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            case "binary" -> new String(bytes, StandardCharsets.ISO_8859_1);
            default -> throw new IllegalArgumentException("unsupported output encoding '" + encoding
                    + "': use hex, base64, base64url, base64rawurl or binary");
        };
    }
}
