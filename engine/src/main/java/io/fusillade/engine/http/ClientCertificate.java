package io.fusillade.engine.http;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;

/**
 * A client certificate presented to servers whose host name is one of {@code domains}
 * (k6's {@code tlsAuth}): exact names, or {@code *.example.com} for any subdomain.
 *
 * @param domains the host names it is for
 * @param key     its private key (RSA or EC)
 * @param chain   the certificate first, then any intermediates
 */
public record ClientCertificate(List<String> domains, PrivateKey key, X509Certificate[] chain) {
    public ClientCertificate {
        domains = List.copyOf(domains);
        chain = chain.clone();
    }

    /** True when this certificate is for {@code host}. */
    boolean covers(String host) {
        if (host == null) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        for (String domain : domains) {
            String d = domain.toLowerCase(Locale.ROOT);
            if (d.equals(name) || (d.startsWith("*.") && name.endsWith(d.substring(1)))) {
                return true;
            }
        }
        return false;
    }
}
