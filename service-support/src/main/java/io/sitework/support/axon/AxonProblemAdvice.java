package io.sitework.support.axon;

import io.sitework.support.web.Problems;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Axon's own refusals as problems: unknown aggregate → 404, stale expected version → 412, and a
 * command that kept colliding with concurrent changes of its aggregate (on this or another instance)
 * after its retries ({@link ConcurrentAppendRetries}), or that creates an id already taken → 409:
 * a conflict is never a 500.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 20)
public class AxonProblemAdvice {

    @ExceptionHandler(AggregateNotFoundException.class)
    public ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e) {
        ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found",
                "No " + describe(e) + " with id " + e.getAggregateIdentifier());
        return ResponseEntity.status(404).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    public ResponseEntity<ProblemDetail> stale(ConflictingAggregateVersionException e) {
        ProblemDetail problem = Problems.of(HttpStatus.PRECONDITION_FAILED, "stale-version", "Version conflict",
                "The item changed since version " + e.getExpectedVersion() + "; it is now at version " + e.getActualVersion()
                        + ". Reload it and try again.");
        problem.setProperty("currentVersion", e.getActualVersion());
        return ResponseEntity.status(412).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(ConcurrencyException.class)
    public ResponseEntity<ProblemDetail> concurrent(ConcurrencyException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "concurrent-modification", "Concurrent modification",
                "The item was being changed by other requests at the same moment; this one was not applied. Try again.");
        return ResponseEntity.status(409).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    public ResponseEntity<ProblemDetail> exists(AggregateStreamCreationException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "already-exists", "Already exists",
                "An item with this id exists already.");
        return ResponseEntity.status(409).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String describe(AggregateNotFoundException e) {
        return "item";
    }
}
