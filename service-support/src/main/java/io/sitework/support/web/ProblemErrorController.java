package io.sitework.support.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.Controller;

import java.io.IOException;

/**
 * What reaches the servlet container's error page — a request refused before any controller saw it (a URL the
 * firewall rejects, a filter's failure) — is answered as problem+json too, never Spring's default JSON or an HTML
 * page, and never with the exception's text. Registered under the bean name {@code /error} (a plain handler, so
 * that it is no API operation: it is not in the OpenAPI description); {@code /error} asked for directly is 404.
 */
public class ProblemErrorController implements ErrorController, Controller {

    public static final String PATH = "/error";

    private final ObjectMapper mapper;

    public ProblemErrorController(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public ModelAndView handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null && value >= 400 ? HttpStatus.resolve(value)
                : HttpStatus.NOT_FOUND;
        if (!response.isCommitted()) {
            response.resetBuffer();
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            mapper.writeValue(response.getOutputStream(), problem(status));
        }
        return null;
    }

    /** The problem for a status the container decided on, described without the request's or the exception's text. */
    static ProblemDetail problem(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> Problems.of(status, "bad-request", "Bad request",
                    "The request could not be read: its URL, headers or body are malformed or hold characters that are not allowed.");
            case NOT_FOUND -> Problems.of(status, "not-found", "Not found", "There is nothing at this address.");
            case METHOD_NOT_ALLOWED -> Problems.of(status, "method-not-allowed", "Method not allowed", "This address does not take this method.");
            case PAYLOAD_TOO_LARGE -> Problems.of(status, "payload-too-large", "Payload too large", "The request is too large.");
            case UNSUPPORTED_MEDIA_TYPE -> Problems.of(status, "unsupported-media-type", "Unsupported media type",
                    "Send the body as application/json.");
            default -> status.is4xxClientError()
                    ? Problems.of(status, "client-error", status.getReasonPhrase(), "The request was refused.")
                    : Problems.of(status, "internal-error", "Internal error",
                    "Something went wrong on our side. It has been logged; quote the correlation id when you report it.");
        };
    }
}
