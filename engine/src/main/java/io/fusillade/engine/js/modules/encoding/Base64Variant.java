package io.fusillade.engine.js.modules.encoding;

import java.util.Base64;

/** k6's base64 variants: standard or URL-safe alphabet, with or without padding. */
public enum Base64Variant {
    STD(Base64.getEncoder(), Base64.getDecoder()),
    RAWSTD(Base64.getEncoder().withoutPadding(), Base64.getDecoder()),
    URL(Base64.getUrlEncoder(), Base64.getUrlDecoder()),
    RAWURL(Base64.getUrlEncoder().withoutPadding(), Base64.getUrlDecoder());

    private final Base64.Encoder encoder;
    private final Base64.Decoder decoder;

    Base64Variant(Base64.Encoder encoder, Base64.Decoder decoder) {
        this.encoder = encoder;
        this.decoder = decoder;
    }

    /** The variant named {@code std}, {@code rawstd}, {@code url} or {@code rawurl}. */
    public static Base64Variant named(String name) {
        return switch (name) {
            case "std", "" -> STD;
            case "rawstd" -> RAWSTD;
            case "url" -> URL;
            case "rawurl" -> RAWURL;
            default -> throw new IllegalArgumentException("unknown base64 variant '" + name + "': use std, rawstd, url or rawurl");
        };
    }

    public String encode(byte[] bytes) {
        return encoder.encodeToString(bytes);
    }

    /** Decodes {@code text}, padded or not. */
    public byte[] decode(String text) {
        try {
            return decoder.decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid base64 input: " + e.getMessage());
        }
    }
}
