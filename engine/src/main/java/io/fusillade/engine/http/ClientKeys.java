package io.fusillade.engine.http;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Picks the client certificate for a handshake by the server's host name: the first of the
 * run's {@code tlsAuth} entries whose domains cover it and whose key type the server accepts.
 * Aliases are the entries' positions.
 */
final class ClientKeys extends X509ExtendedKeyManager {
    private final List<ClientCertificate> certificates;

    ClientKeys(List<ClientCertificate> certificates) {
        this.certificates = List.copyOf(certificates);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return choose(keyTypes, engine == null ? null : engine.getPeerHost());
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        String host = null;
        if (socket instanceof SSLSocket tls && tls.getHandshakeSession() != null) {
            host = tls.getHandshakeSession().getPeerHost();
        }
        return choose(keyTypes, host);
    }

    private String choose(String[] keyTypes, String host) {
        for (int i = 0; i < certificates.size(); i++) {
            ClientCertificate certificate = certificates.get(i);
            if (certificate.covers(host) && accepts(keyTypes, certificate.key().getAlgorithm())) {
                return Integer.toString(i);
            }
        }
        return null;
    }

    private static boolean accepts(String[] keyTypes, String algorithm) {
        if (keyTypes == null) {
            return true;
        }
        for (String type : keyTypes) {
            if (type.equalsIgnoreCase(algorithm) || (type.equals("EC") && algorithm.equals("ECDSA"))) {
                return true;
            }
        }
        return false;
    }

    private ClientCertificate at(String alias) {
        try {
            int i = Integer.parseInt(alias);
            return i >= 0 && i < certificates.size() ? certificates.get(i) : null;
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        ClientCertificate c = at(alias);
        return c == null ? null : c.chain();
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        ClientCertificate c = at(alias);
        return c == null ? null : c.key();
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
    }
}
