package io.supplyguard.account;

import io.supplyguard.infrastructure.web.FieldError;
import io.supplyguard.infrastructure.web.FieldErrors;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Bean validation plus the rules that need the business clock (an instant "not in the future"
 * must move with the engine clock in tests, which {@code @PastOrPresent} would not).
 */
@Component
class RequestChecks {

    private final Validator validator;
    private final Clock clock;
    private final Duration tolerance;

    RequestChecks(Validator validator, Clock clock, FeeControlProperties properties) {
        this.validator = validator;
        this.clock = clock;
        this.tolerance = properties.paidAtTolerance();
    }

    /** @param instants field name and value pairs that must not lie in the future */
    List<FieldError> check(Object request, Object... instants) {
        List<FieldError> errors = new ArrayList<>(FieldErrors.of(validator.validate(request)));
        OffsetDateTime latest = OffsetDateTime.now(clock).plus(tolerance);
        for (int i = 0; i + 1 < instants.length; i += 2) {
            if (instants[i + 1] instanceof OffsetDateTime at && at.isAfter(latest)) {
                errors.add(new FieldError((String) instants[i], "PastOrPresent", "must not be in the future"));
            }
        }
        errors.sort(Comparator.comparing(FieldError::field));
        return errors;
    }
}
