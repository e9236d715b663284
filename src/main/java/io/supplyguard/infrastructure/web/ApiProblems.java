package io.supplyguard.infrastructure.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 7807 problem details for every {@code /api} error: a 400 names each broken field and
 * rule in {@code errors} and in {@code detail}.
 */
@RestControllerAdvice(basePackages = "io.supplyguard")
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiProblems extends ResponseEntityExceptionHandler {

    public static final URI VALIDATION = URI.create("urn:supplyguard:problem:validation");
    public static final URI NOT_FOUND = URI.create("urn:supplyguard:problem:not-found");
    public static final URI CONFLICT = URI.create("urn:supplyguard:problem:conflict");

    /** A 400 problem listing the broken fields. */
    public static ProblemDetail invalid(List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.stream().map(FieldError::describe).collect(Collectors.joining("; ")));
        problem.setType(VALIDATION);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }

    public static ProblemDetail notFound(String what) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, what);
        problem.setType(NOT_FOUND);
        problem.setTitle("Not found");
        return problem;
    }

    public static ProblemDetail conflict(String field, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setType(CONFLICT);
        problem.setTitle("Conflict");
        problem.setProperty("field", field);
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getAllErrors().stream()
                .map(error -> {
                    String field = error instanceof org.springframework.validation.FieldError f ? f.getField() : error.getObjectName();
                    String rule = error.getCodes() == null || error.getCodes().length == 0 ? "Invalid"
                            : error.getCodes()[error.getCodes().length - 1];
                    return new FieldError(field, "ConsistentRegistration".equals(rule) ? "Consistency" : rule,
                            error.getDefaultMessage());
                })
                .sorted(java.util.Comparator.comparing(FieldError::field))
                .toList();
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldError(result.getMethodParameter().getParameterName(),
                                error.getCodes() == null ? "Invalid" : error.getCodes()[error.getCodes().length - 1],
                                error.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        FieldError error;
        if (ex.getCause() instanceof JsonMappingException mapping) {
            error = FieldErrors.of(mapping);
        } else if (ex.getCause() instanceof JsonProcessingException parsing) {
            error = new FieldError("body", "Syntax", "is not valid JSON: " + parsing.getOriginalMessage());
        } else {
            error = new FieldError("body", "Required", "is missing or unreadable");
        }
        return ResponseEntity.badRequest().body(invalid(List.of(error)));
    }

    /**
     * A key the service checked was taken by a request committed at the same moment: a conflict,
     * never a 500. The transaction rolled back, so nothing of the request was written.
     */
    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> duplicateKey(DuplicateKeyException ex) {
        Matcher constraint = CONSTRAINT.matcher(String.valueOf(ex.getMostSpecificCause().getMessage()));
        return ResponseEntity.status(HttpStatus.CONFLICT).body(conflict("body", "conflicts with a record written at the same time"
                + (constraint.find() ? " (" + constraint.group().toLowerCase(java.util.Locale.ROOT) + ")" : "") + "; retry"));
    }

    /**
     * The database refused a value no check caught (too long for its column, say): the request
     * is at fault and was rolled back whole. Checks in the module name the field; this is the net.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> refusedByTheDatabase(DataIntegrityViolationException ex) {
        return ResponseEntity.badRequest().body(invalid(List.of(new FieldError("body", "Storage",
                "a value does not fit what the registry can store"))));
    }

    private static final Pattern CONSTRAINT = Pattern.compile("(?i)\\b(uq|pk)_[a-z0-9_]+");

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
        return ResponseEntity.badRequest().body(invalid(FieldErrors.of(ex.getConstraintViolations())));
    }
}
