package io.fusillade.engine.options;

import io.fusillade.engine.http.ClientCertificate;
import io.fusillade.engine.http.HttpVersion;
import io.fusillade.engine.http.PemReader;
import io.fusillade.engine.http.ProtocolSettings;
import io.fusillade.engine.http.TlsSettings;

import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * Reads the protocol options of a run: {@code httpVersion} ({@code auto}, {@code 1.1}, {@code 2}),
 * {@code tlsVersion} (a version, or {@code {min, max}}), {@code tlsCipherSuites} (a list of
 * names) and {@code tlsAuth} (a list of {@code {domains, cert, key}} with PEM text). Every
 * mistake is an {@link OptionException} naming the key, and the entry for {@code tlsAuth}.
 */
public final class ProtocolOptions {
    private ProtocolOptions() {
    }

    /** The settings {@code top} (the merged top-level options) asks for. */
    public static ProtocolSettings parse(OptionMap top) {
        HttpVersion version = HttpVersion.AUTO;
        if (top.has("httpVersion")) {
            version = httpVersion(top.name("httpVersion"), top.get("httpVersion"));
        }
        TlsSettings tls = TlsSettings.DEFAULT;
        if (top.has("tlsVersion")) {
            tls = tlsVersion(tls, top.name("tlsVersion"), top.get("tlsVersion"));
        }
        if (top.has("tlsCipherSuites")) {
            tls = tls.withCipherSuites(cipherSuites(top.name("tlsCipherSuites"), top.get("tlsCipherSuites")));
        }
        if (top.has("tlsAuth")) {
            tls = tls.withClientCertificates(clientCertificates(top.name("tlsAuth"), top.get("tlsAuth")));
        }
        return new ProtocolSettings(version, tls);
    }

    /** An HTTP version value, of an option or a flag named {@code name}. */
    public static HttpVersion httpVersion(String name, Object value) {
        try {
            return HttpVersion.parse(name, value);
        } catch (IllegalArgumentException e) {
            throw new OptionException(name, "expected 'auto', '1.1' or '2', got '" + value + "'");
        }
    }

    private static TlsSettings tlsVersion(TlsSettings tls, String name, Object value) {
        try {
            if (value instanceof String one) {
                String version = TlsSettings.version(name, one);
                return tls.withVersions(version, version);
            }
            if (value instanceof Map<?, ?> range) {
                Object min = range.get("min");
                Object max = range.get("max");
                for (Object key : range.keySet()) {
                    if (!"min".equals(key) && !"max".equals(key)) {
                        throw new IllegalArgumentException("unknown key '" + key + "': expected {min: 'tls1.2', max: 'tls1.3'}");
                    }
                }
                return tls.withVersions(min == null ? null : TlsSettings.version(name + ".min", String.valueOf(min)),
                        max == null ? null : TlsSettings.version(name + ".max", String.valueOf(max)));
            }
        } catch (IllegalArgumentException e) {
            throw new OptionException(name, e.getMessage());
        }
        throw new OptionException(name, "expected a version such as 'tls1.2' or {min: 'tls1.2', max: 'tls1.3'}");
    }

    private static List<String> cipherSuites(String name, Object value) {
        if (!(value instanceof List<?> list)) {
            throw new OptionException(name, "expected a list of cipher suite names");
        }
        Set<String> supported;
        try {
            supported = Set.of(SSLContext.getDefault().getSupportedSSLParameters().getCipherSuites());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK provides no TLS", e);
        }
        List<String> suites = new ArrayList<>();
        for (Object item : list) {
            String suite = String.valueOf(item);
            if (!supported.contains(suite)) {
                throw new OptionException(name, "'" + suite + "' is not a cipher suite this JDK supports "
                        + "(names as in TLS_AES_128_GCM_SHA256 or TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)");
            }
            suites.add(suite);
        }
        return suites;
    }

    private static List<ClientCertificate> clientCertificates(String name, Object value) {
        if (!(value instanceof List<?> list)) {
            throw new OptionException(name, "expected a list of {domains: [...], cert: '<PEM>', key: '<PEM>'}");
        }
        List<ClientCertificate> certificates = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String entry = name + "[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> item)) {
                throw new OptionException(entry, "expected {domains: [...], cert: '<PEM>', key: '<PEM>'}");
            }
            if (item.get("password") != null) {
                throw new OptionException(entry + ".password", "encrypted keys are not supported; give the key unencrypted in PKCS#8 PEM");
            }
            List<String> domains = new ArrayList<>();
            Object d = item.get("domains");
            if (d instanceof String one) {
                domains.add(one);
            } else if (d instanceof List<?> many && !many.isEmpty()) {
                many.forEach(x -> domains.add(String.valueOf(x)));
            } else {
                throw new OptionException(entry + ".domains", "expected a list of host names, e.g. ['example.com']");
            }
            if (!(item.get("cert") instanceof String cert)) {
                throw new OptionException(entry + ".cert", "expected the certificate as PEM text");
            }
            if (!(item.get("key") instanceof String key)) {
                throw new OptionException(entry + ".key", "expected the private key as PEM text");
            }
            try {
                certificates.add(new ClientCertificate(domains, PemReader.privateKey(key), PemReader.certificates(cert)));
            } catch (IllegalArgumentException e) {
                String which = e.getMessage().contains("certificate") ? ".cert" : ".key";
                throw new OptionException(entry + which, e.getMessage());
            }
        }
        return certificates;
    }
}
