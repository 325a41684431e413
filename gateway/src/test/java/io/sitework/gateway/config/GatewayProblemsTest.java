package io.sitework.gateway.config;

import io.netty.channel.ConnectTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayProblemsTest {

    @Test
    void refusedConnectionIsServiceUnavailableNamingTheService() {
        ProblemDetail problem = GatewayProblems.from(
                new ConnectException("Connection refused: /10.1.2.3:8081"), "work-service");

        assertThat(problem.getStatus()).isEqualTo(503);
        assertThat(problem.getType()).isEqualTo(URI.create("https://sitework.io/problems/service-unavailable"));
        assertThat(problem.getDetail()).isEqualTo("work-service is unavailable; try again later.");
    }

    @Test
    void unknownHostIsServiceUnavailable() {
        assertThat(GatewayProblems.from(new UnknownHostException("context"), "context-service").getStatus())
                .isEqualTo(503);
    }

    @Test
    void connectTimeoutIsGatewayTimeoutNotUnavailable() {
        ProblemDetail problem = GatewayProblems.from(
                new ConnectTimeoutException("connection timed out: /10.1.2.3:8082"), "context-service");

        assertThat(problem.getStatus()).isEqualTo(504);
        assertThat(problem.getDetail()).isEqualTo("context-service did not answer in time.");
    }

    @Test
    void responseTimeoutFromTheRoutingFilterIsGatewayTimeout() {
        ProblemDetail problem = GatewayProblems.from(
                new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "Response took longer than timeout: PT30S"),
                "notification-service");

        assertThat(problem.getStatus()).isEqualTo(504);
        assertThat(problem.getDetail()).doesNotContain("PT30S");
    }

    @Test
    void causeBuriedInAWrapperIsStillRecognised() {
        ProblemDetail problem = GatewayProblems.from(
                new IllegalStateException("wrapped", new ConnectException("refused")), "work-service");

        assertThat(problem.getStatus()).isEqualTo(503);
    }

    @Test
    void brokenExchangeWithARoutedBackendIsBadGateway() {
        ProblemDetail problem = GatewayProblems.from(new IOException("Connection prematurely closed"), "work-service");

        assertThat(problem.getStatus()).isEqualTo(502);
        assertThat(problem.getDetail()).startsWith("work-service ").doesNotContain("prematurely");
    }

    @Test
    void noRouteIsNotFound() {
        ProblemDetail problem = GatewayProblems.from(new ResponseStatusException(HttpStatus.NOT_FOUND), null);

        assertThat(problem.getStatus()).isEqualTo(404);
        assertThat(problem.getType()).isEqualTo(URI.create("https://sitework.io/problems/not-found"));
    }

    @Test
    void otherStatusesKeepTheirStatusWithAGenericTitle() {
        ProblemDetail problem = GatewayProblems.from(new ResponseStatusException(HttpStatus.METHOD_NOT_ALLOWED), null);

        assertThat(problem.getStatus()).isEqualTo(405);
        assertThat(problem.getTitle()).isEqualTo("Method Not Allowed");
        assertThat(problem.getType()).isEqualTo(URI.create("https://sitework.io/problems/method-not-allowed"));
    }

    @Test
    void unexpectedFailureIsInternalErrorWithoutItsMessage() {
        ProblemDetail problem = GatewayProblems.from(new IllegalStateException("secret internals"), null);

        assertThat(problem.getStatus()).isEqualTo(500);
        assertThat(problem.getDetail()).doesNotContain("secret");
    }

    @Test
    void unauthorizedSaysWhetherATokenWasMissingOrRejectedButNotWhy() {
        ProblemDetail missing = GatewayProblems.unauthorized(false);
        ProblemDetail rejected = GatewayProblems.unauthorized(true);

        assertThat(missing.getStatus()).isEqualTo(401);
        assertThat(missing.getType()).isEqualTo(URI.create("https://sitework.io/problems/unauthorized"));
        assertThat(missing.getDetail()).isEqualTo("A bearer token is required.");
        assertThat(rejected.getDetail()).isEqualTo("The bearer token was rejected (invalid, expired or not meant for Sitework).");
    }

    @Test
    void tooManyRequestsSaysWhenToComeBack() {
        assertThat(GatewayProblems.tooManyRequests(3L).getDetail()).isEqualTo("Too many requests; try again in 3 s.");
        assertThat(GatewayProblems.forStatus(HttpStatus.TOO_MANY_REQUESTS, "work-service").getType())
                .isEqualTo(URI.create("https://sitework.io/problems/too-many-requests"));
    }

    @Test
    void aBodyOverTheLimitIs413NamingTheLimitEvenWhenWrapped() {
        ProblemDetail problem = GatewayProblems.from(new IllegalStateException("relay failed",
                new BodyTooLargeException(1_048_576)), "work-service");

        assertThat(problem.getStatus()).isEqualTo(413);
        assertThat(problem.getType()).isEqualTo(URI.create("https://sitework.io/problems/too-large"));
        assertThat(problem.getDetail()).isEqualTo("The request body exceeds the limit of 1048576 bytes.");
    }

    @Test
    void forbiddenHasTheServicesVocabulary() {
        ProblemDetail problem = GatewayProblems.forStatus(HttpStatus.FORBIDDEN, null);

        assertThat(problem.getType()).isEqualTo(URI.create("https://sitework.io/problems/forbidden"));
        assertThat(problem.getTitle()).isEqualTo("Forbidden");
    }
}
