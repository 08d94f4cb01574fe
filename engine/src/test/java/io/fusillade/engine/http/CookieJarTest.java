package io.fusillade.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class CookieJarTest {
    private static final long NOW = 1_700_000_000_000L;
    private final CookieJar jar = new CookieJar();

    private void receive(String url, String... setCookie) {
        jar.store(URI.create(url), List.of(setCookie), NOW);
    }

    private String sent(String url) {
        return jar.header(URI.create(url), NOW);
    }

    @Test
    void hostOnlyCookiesGoBackToTheirHostOnly() {
        receive("http://shop.test/login", "sid=1");
        assertThat(sent("http://shop.test/")).isEqualTo("sid=1");
        assertThat(sent("http://api.shop.test/")).isNull();
        assertThat(sent("http://other.test/")).isNull();
    }

    @Test
    void domainCookiesCoverSubdomainsAndForeignDomainsAreRejected() {
        receive("http://www.shop.test/", "a=1; Domain=.shop.test", "b=2; Domain=evil.test");
        assertThat(sent("http://api.shop.test/")).isEqualTo("a=1");
        assertThat(sent("http://shop.test/")).isEqualTo("a=1");
        assertThat(sent("http://evil.test/")).isNull();
    }

    @Test
    void pathsScopeCookiesAndLongerPathsComeFirst() {
        receive("http://shop.test/account/settings", "p=default", "root=1; Path=/", "cart=2; Path=/cart");
        assertThat(sent("http://shop.test/account/orders")).isEqualTo("p=default; root=1");
        assertThat(sent("http://shop.test/cart/items")).isEqualTo("cart=2; root=1");
        assertThat(sent("http://shop.test/cartoon")).isEqualTo("root=1");
    }

    @Test
    void secureCookiesTravelOnlyOverHttps() {
        receive("https://shop.test/", "s=1; Secure; HttpOnly; SameSite=Strict");
        assertThat(sent("http://shop.test/")).isNull();
        assertThat(sent("https://shop.test/")).isEqualTo("s=1");
        Cookie cookie = jar.get(URI.create("https://shop.test/"), "s", NOW);
        assertThat(cookie.httpOnly()).isTrue();
        assertThat(cookie.sameSite()).isEqualTo("Strict");
    }

    @Test
    void maxAgeWinsOverExpiresAndZeroOrPastDeletes() {
        receive("http://shop.test/", "a=1; Max-Age=60; Expires=Wed, 21 Oct 2015 07:28:00 GMT", "b=2; Expires=Wed, 21 Oct 2015 07:28:00 GMT",
                "c=3; Expires=Fri, 01-Jan-2100 00:00:00 GMT");
        assertThat(sent("http://shop.test/")).isEqualTo("a=1; c=3");
        receive("http://shop.test/", "c=gone; Max-Age=0");
        assertThat(sent("http://shop.test/")).isEqualTo("a=1");
        assertThat(jar.forUri(URI.create("http://shop.test/"), NOW + 61_000)).isEmpty();
    }

    @Test
    void aCookieIsReplacedByNameDomainAndPath() {
        receive("http://shop.test/", "a=1; Path=/");
        receive("http://shop.test/", "a=2; Path=/");
        assertThat(sent("http://shop.test/")).isEqualTo("a=2");
    }
}
