package io.sitework.support.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.List;

/** Builds the {@code application/problem+json} bodies of API.md: type, title, status, detail, errors[]. */
public final class Problems {

    public static final String TYPE_PREFIX = "https://sitework.io/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + slug));
        problem.setTitle(title);
        RequestContext.correlationId().ifPresent(id -> problem.setProperty("correlationId", id));
        return problem;
    }

    public static ProblemDetail validation(String detail, List<BadRequestException.FieldError> errors) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "validation", "Invalid request", detail);
        problem.setProperty("errors", errors);
        return problem;
    }
}
