package io.fusillade.engine.http;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;

/** Self-signed certificates for 127.0.0.1 and localhost (servers) or test clients, made with the JDK's keytool. */
final class TestCertificates {
    private static final char[] PASSWORD = "changeit".toCharArray();

    private TestCertificates() {
    }

    static SslContext selfSignedServer(Path dir) throws Exception {
        return SslContextBuilder.forServer(keyManagers(dir, "server", "EC")).sslProvider(SslProvider.JDK).build();
    }

    /** Key managers holding a new self-signed certificate for localhost and 127.0.0.1, stored in {@code dir}. */
    static KeyManagerFactory keyManagers(Path dir, String name, String algorithm) throws Exception {
        KeyStore keys = keyStore(dir, name, algorithm);
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, PASSWORD);
        return managers;
    }

    /** A new self-signed certificate and its key as PEM text: {@code [certificate, PKCS#8 key]}. */
    static String[] pem(Path dir, String name, String algorithm) throws Exception {
        KeyStore keys = keyStore(dir, name, algorithm);
        java.util.Base64.Encoder base64 = java.util.Base64.getMimeEncoder(64, "\n".getBytes());
        String cert = "-----BEGIN CERTIFICATE-----\n" + base64.encodeToString(keys.getCertificate("demo").getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        String key = "-----BEGIN PRIVATE KEY-----\n" + base64.encodeToString(keys.getKey("demo", PASSWORD).getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        return new String[] {cert, key};
    }

    private static KeyStore keyStore(Path dir, String name, String algorithm) throws Exception {
        Path store = dir.resolve(name + ".p12");
        Files.deleteIfExists(store);
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "demo",
                "-keyalg", algorithm, algorithm.equals("EC") ? "-groupname" : "-keysize", algorithm.equals("EC") ? "secp256r1" : "2048",
                "-dname", "CN=" + name,
                "-ext", "san=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD);
        }
        return keys;
    }
}
