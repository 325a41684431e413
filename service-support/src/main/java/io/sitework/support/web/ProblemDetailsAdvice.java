package io.sitework.support.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.sitework.support.domain.DomainRuleViolation;
import io.sitework.support.domain.InvalidValueException;
import io.sitework.support.domain.NotFoundException;
import io.sitework.support.domain.StaleVersionException;
import io.sitework.support.security.ForbiddenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.transaction.TransactionException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every error leaves a service as {@code application/problem+json}: 400 names the offending
 * field, 404/409/412 carry the domain's reason, and an unexpected failure is a 500 with no
 * internals (the correlation id lets operators find the logged stack trace).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 10)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(DomainRuleViolation.class)
    public ResponseEntity<ProblemDetail> refused(DomainRuleViolation e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "refused", "Command refused", e.getMessage());
        problem.setProperty("code", e.code());
        return respond(problem);
    }

    @ExceptionHandler(NotFoundException.class)
    public ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return respond(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage()));
    }

    @ExceptionHandler(StaleVersionException.class)
    public ResponseEntity<ProblemDetail> stale(StaleVersionException e) {
        ProblemDetail problem = Problems.of(HttpStatus.PRECONDITION_FAILED, "stale-version", "Version conflict", e.getMessage());
        problem.setProperty("currentVersion", e.currentVersion());
        return respond(problem);
    }

    @ExceptionHandler(InvalidValueException.class)
    public ResponseEntity<ProblemDetail> invalidValue(InvalidValueException e) {
        return respond(Problems.validation(e.getMessage(), List.of(new BadRequestException.FieldError(e.field(), e.getMessage()))));
    }

    @ExceptionHandler(ForbiddenException.class)
    public ResponseEntity<ProblemDetail> forbidden(ForbiddenException e) {
        return respond(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage()));
    }

    @ExceptionHandler(BadRequestException.class)
    public ResponseEntity<ProblemDetail> badRequest(BadRequestException e) {
        return respond(Problems.validation(e.getMessage(), e.errors()));
    }

    /**
     * The database did not complete the request: a commit that failed, a connection it ended (a transaction past the
     * event store's append timeout), a store that does not answer. Not the client's fault and worth another try —
     * 503 with Retry-After — but the outcome of a failed commit is unknown, so the client is told to look first.
     */
    @ExceptionHandler({TransactionException.class, DataAccessResourceFailureException.class, TransientDataAccessException.class})
    public ResponseEntity<ProblemDetail> storageUnavailable(Exception e) {
        log.warn("The store did not complete a request: {}", e.toString());
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "storage-unavailable", "Storage unavailable",
                "The store could not confirm this change, so it may or may not have been made. Reload and check before "
                        + "sending it again (a create sent again with the same Idempotency-Key is never applied twice).");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "2")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unhandled error", e);
        return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "The request could not be completed. Quote the correlation id when reporting this."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(@NonNull HttpMessageNotReadableException ex, @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        Throwable cause = jacksonCause(ex);
        ProblemDetail problem;
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            problem = Problems.validation("Unknown field '" + field + "'",
                    List.of(new BadRequestException.FieldError(field, "unknown field")));
        } else if (cause instanceof InvalidFormatException invalid) {
            String field = path(invalid);
            String message = describeInvalid(invalid);
            problem = Problems.validation("Field '" + field + "' " + message, List.of(new BadRequestException.FieldError(field, message)));
        } else if (cause instanceof ValueInstantiationException instantiation) {
            String field = path(instantiation);
            String message = instantiation.getCause() == null ? "is invalid" : instantiation.getCause().getMessage();
            problem = Problems.validation(field.isEmpty() ? message : "Field '" + field + "': " + message,
                    List.of(new BadRequestException.FieldError(field, message)));
        } else if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            String field = path(mismatched);
            String message = "has the wrong type" + (mismatched.getTargetType() == null ? "" : "; expected " + friendly(mismatched.getTargetType()));
            problem = Problems.validation("Field '" + field + "' " + message, List.of(new BadRequestException.FieldError(field, message)));
        } else if (cause instanceof JsonParseException parse) {
            problem = Problems.validation("Malformed JSON at line " + parse.getLocation().getLineNr()
                    + ", column " + parse.getLocation().getColumnNr() + ": " + parse.getOriginalMessage(), List.of());
        } else if (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
            problem = Problems.validation("A JSON request body is required", List.of());
        } else {
            problem = Problems.validation("The request body is not valid JSON for this endpoint", List.of());
        }
        return respondObject(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(@NonNull MethodArgumentNotValidException ex, @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        List<BadRequestException.FieldError> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors().forEach(fe -> errors.add(new BadRequestException.FieldError(fe.getField(), fe.getDefaultMessage())));
        ex.getBindingResult().getGlobalErrors().forEach(ge -> errors.add(new BadRequestException.FieldError(ge.getObjectName(), ge.getDefaultMessage())));
        return respondObject(Problems.validation(summary(errors), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(@NonNull HandlerMethodValidationException ex, @NonNull HttpHeaders headers,
                                                                            @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        List<BadRequestException.FieldError> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(err -> errors.add(new BadRequestException.FieldError(name, err.getDefaultMessage())));
        }
        return respondObject(Problems.validation(summary(errors), errors));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(@NonNull TypeMismatchException ex, @NonNull HttpHeaders headers,
                                                        @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        String expected = ex.getRequiredType() == null ? "value" : friendly(ex.getRequiredType());
        String message = "'" + shown(ex.getValue()) + "' is not a valid " + expected;
        return respondObject(Problems.validation("Parameter '" + name + "': " + message, List.of(new BadRequestException.FieldError(name, message))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(@NonNull MissingServletRequestParameterException ex, @NonNull HttpHeaders headers,
                                                                          @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        return respondObject(Problems.validation("Parameter '" + ex.getParameterName() + "' is required",
                List.of(new BadRequestException.FieldError(ex.getParameterName(), "is required"))));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(@NonNull Exception ex, Object body, @NonNull HttpHeaders headers,
                                                             @NonNull HttpStatusCode statusCode, @NonNull WebRequest request) {
        // the framework's own 404/405/406/415 problems: keep them, add the correlation id
        if (body instanceof ProblemDetail problem) {
            RequestContext.correlationId().ifPresent(id -> problem.setProperty("correlationId", id));
        }
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail) {
            return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(response.getBody());
        }
        return response;
    }

    /** The Jackson exception that says what was wrong, not its innermost cause (e.g. a DateTimeParseException). */
    private static Throwable jacksonCause(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof com.fasterxml.jackson.core.JsonProcessingException) {
                return t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return ex.getCause() == null ? ex : ex.getCause();
    }

    private static String summary(List<BadRequestException.FieldError> errors) {
        return errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; "));
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String describeInvalid(InvalidFormatException e) {
        Class<?> target = e.getTargetType();
        if (target != null && target.isEnum()) {
            return "must be one of " + Arrays.stream(target.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "))
                    + " (got '" + shown(e.getValue()) + "')";
        }
        return "'" + shown(e.getValue()) + "' is not a valid " + (target == null ? "value" : friendly(target));
    }

    /** A rejected value as the answer quotes it: a repeated parameter's values joined, anything long cut short. */
    static String shown(Object value) {
        String text;
        if (value instanceof Object[] values) {
            text = Arrays.stream(values).map(String::valueOf).collect(Collectors.joining(", "));
        } else {
            text = String.valueOf(value);
        }
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }

    private static String friendly(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "UUID" -> "UUID";
            case "Instant" -> "ISO-8601 instant (e.g. 2026-11-25T14:00:00Z)";
            case "Long", "long", "Integer", "int" -> "integer";
            case "String" -> "string";
            case "List", "Set" -> "array";
            default -> type.isEnum() ? "one of " + Arrays.toString(type.getEnumConstants()) : type.getSimpleName();
        };
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ResponseEntity<Object> respondObject(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
