package io.easel.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.server.Api;
import io.easel.server.ServerTest;
import io.easel.server.security.Endpoint;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ResponseStatus;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document says the success status every endpoint really answers (201 for creations, 202 for a run). */
@ServerTest
class OpenApiDocumentTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext server;

    @Test
    void shouldDocumentTheSuccessStatusEachEndpointAnswers() {
        JsonNode paths = Api.asAdmin(port).get("/v3/api-docs").body().get("paths");
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Endpoint endpoint : Endpoint.all(server)) {
            if (!endpoint.pattern().startsWith("/api/")) {
                continue;
            }
            Method handler = endpoint.handler().getMethod();
            ResponseStatus declared = AnnotatedElementUtils.findMergedAnnotation(handler, ResponseStatus.class);
            if (ResponseEntity.class.isAssignableFrom(handler.getReturnType()) && declared == null) {
                wrong.add(endpoint + ": answers a ResponseEntity whose status only the code knows; declare it "
                        + "with @ResponseStatus so the document says it");
                continue;
            }
            String expected = String.valueOf(declared == null ? 200 : declared.code().value());
            JsonNode responses = paths.path(endpoint.pattern()).path(endpoint.method().toLowerCase(Locale.ROOT))
                    .path("responses");
            Set<String> documented = responses.propertyNames().stream().filter(code -> code.startsWith("2"))
                    .collect(Collectors.toSet());
            if (!documented.equals(Set.of(expected))) {
                wrong.add(endpoint + ": answers " + expected + ", documented " + documented);
            }
            checked++;
        }
        assertThat(wrong).isEmpty();
        assertThat(checked).isGreaterThan(30);
    }
}
