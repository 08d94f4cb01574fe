package io.fusillade.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlNamesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://127.0.0.1:8080/users/123           | http://127.0.0.1:8080/users/:id",
        "http://127.0.0.1:8080/users/456/orders/7  | http://127.0.0.1:8080/users/:id/orders/:id",
        "http://host/orders/abc-def-123            | http://host/orders/:id",
        "http://host/u/3f2b8c1e-9a4d-4b7e-8c2f-1a2b3c4d5e6f/x | http://host/u/:id/x",
        "http://host/objects/507f1f77bcf86cd799439011 | http://host/objects/:id",
        "http://host/users/123?expand=orders&page=2 | http://host/users/:id?expand=orders&page=2",
        "http://host/users/123/                    | http://host/users/:id/",
        "/users/123                                | /users/:id",
    })
    void identifierSegmentsBecomeId(String url, String name) {
        assertThat(UrlNames.of(url)).isEqualTo(name);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://127.0.0.1:8080/api/items",
        "http://host/",
        "http://host",
        "http://host/v2/users/me",
        "http://host/static/app-bundle.js",
        "http://host/cafe/beef",
        "http://host:8080/search?q=123",
    })
    void urlsWithoutIdentifiersStayAsTheyAre(String url) {
        assertThat(UrlNames.of(url)).isSameAs(url);
    }

    @Test
    void hostAndPortDigitsAreNotPathSegments() {
        assertThat(UrlNames.of("http://10.0.0.1:9000/items/42")).isEqualTo("http://10.0.0.1:9000/items/:id");
    }
}
