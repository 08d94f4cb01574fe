package io.fusillade.engine.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The TLS choices of a run beyond certificate verification: the versions allowed, the cipher
 * suites, and the client certificates to present.
 *
 * @param minVersion         the lowest version, as the JDK names it ({@code TLSv1.2}); null for the JDK's default
 * @param maxVersion         the highest version; null for the JDK's default
 * @param cipherSuites       the suites to offer, by their IANA names; empty for the JDK's default
 * @param clientCertificates certificates presented to the hosts they cover
 */
public record TlsSettings(String minVersion, String maxVersion, List<String> cipherSuites,
                          List<ClientCertificate> clientCertificates) {
    /** Every version the JDK may speak, oldest first, with the names users write for them. */
    private static final List<String> VERSIONS = List.of("SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");
    private static final List<String> USER_NAMES = List.of("ssl3.0", "tls1.0", "tls1.1", "tls1.2", "tls1.3");
    /** The JDK's defaults throughout. */
    public static final TlsSettings DEFAULT = new TlsSettings(null, null, List.of(), List.of());

    public TlsSettings {
        cipherSuites = List.copyOf(cipherSuites);
        clientCertificates = List.copyOf(clientCertificates);
        if (minVersion != null && maxVersion != null && VERSIONS.indexOf(minVersion) > VERSIONS.indexOf(maxVersion)) {
            throw new IllegalArgumentException("TLS version range is empty: min " + minVersion + " is above max " + maxVersion);
        }
    }

    /**
     * A version as users write it ({@code tls1.2}, also {@code TLSv1.2} or {@code 1.2}) in the
     * JDK's name.
     *
     * @throws IllegalArgumentException naming {@code option} for an unknown version
     */
    public static String version(String option, String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replace("tlsv", "tls").replace("sslv", "ssl");
        if (!t.startsWith("tls") && !t.startsWith("ssl")) {
            t = "tls" + t;
        }
        if (t.equals("tls1")) {
            t = "tls1.0";
        }
        int index = USER_NAMES.indexOf(t);
        if (index < 0) {
            throw new IllegalArgumentException("invalid " + option + " '" + text + "': expected one of " + String.join(", ", USER_NAMES));
        }
        return VERSIONS.get(index);
    }

    /** These settings with another version range. */
    public TlsSettings withVersions(String min, String max) {
        return new TlsSettings(min, max, cipherSuites, clientCertificates);
    }

    /** These settings with other cipher suites. */
    public TlsSettings withCipherSuites(List<String> suites) {
        return new TlsSettings(minVersion, maxVersion, suites, clientCertificates);
    }

    /** These settings with other client certificates. */
    public TlsSettings withClientCertificates(List<ClientCertificate> certificates) {
        return new TlsSettings(minVersion, maxVersion, cipherSuites, certificates);
    }

    /** The versions to enable, or null to keep the JDK's default. */
    String[] protocols() {
        if (minVersion == null && maxVersion == null) {
            return null;
        }
        int from = minVersion == null ? VERSIONS.indexOf("TLSv1.2") : VERSIONS.indexOf(minVersion);
        int to = maxVersion == null ? VERSIONS.size() - 1 : VERSIONS.indexOf(maxVersion);
        List<String> enabled = new ArrayList<>();
        for (int i = Math.min(from, to); i <= to; i++) {
            enabled.add(VERSIONS.get(i));
        }
        return enabled.toArray(String[]::new);
    }
}
