package io.sitework.gateway;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads a gateway problem answer and checks what every problem has. */
final class Problems {

    private Problems() {
    }

    static Map<String, Object> problemFrom(WebTestClient.ResponseSpec response, int status) {
        EntityExchangeResult<Map<String, Object>> result = response
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult();
        Map<String, Object> problem = result.getResponseBody();
        assertThat(problem).containsKeys("type", "title", "detail")
                .containsEntry("status", status)
                .containsEntry("correlationId", result.getResponseHeaders().getFirst("X-Correlation-Id"));
        assertThat(problem.toString()).doesNotContain("Exception", "at io.", "at org.");
        return problem;
    }
}
