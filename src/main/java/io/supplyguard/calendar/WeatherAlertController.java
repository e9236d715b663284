package io.supplyguard.calendar;

import io.supplyguard.infrastructure.web.ApiProblems;
import io.supplyguard.infrastructure.web.FieldError;
import java.net.URI;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operators raise and end extreme-weather alerts per district; no cuts there meanwhile. */
@RestController
@RequestMapping("/api/weather-alerts")
class WeatherAlertController {

    private final WeatherAlerts alerts;

    WeatherAlertController(WeatherAlerts alerts) {
        this.alerts = alerts;
    }

    /** Column width of district and kind (V6__weather_alert.sql). */
    private static final int MAX_TEXT = 40;

    record AlertRequest(String district, String kind, OffsetDateTime activeFrom, OffsetDateTime activeUntil, String raisedBy) {
    }

    @PostMapping
    ResponseEntity<?> raise(@RequestBody AlertRequest request, Principal principal) {
        List<FieldError> errors = new ArrayList<>();
        if (request.district() == null || request.district().isBlank()) {
            errors.add(new FieldError("district", "NotBlank", "the transformer district under the alert"));
        } else if (request.district().trim().length() > MAX_TEXT) {
            errors.add(new FieldError("district", "Size", "at most " + MAX_TEXT + " characters"));
        }
        if (request.kind() == null || request.kind().isBlank()) {
            errors.add(new FieldError("kind", "NotBlank", "e.g. HEAT, COLD, STORM"));
        } else if (request.kind().trim().length() > MAX_TEXT) {
            errors.add(new FieldError("kind", "Size", "at most " + MAX_TEXT + " characters"));
        }
        if (request.activeFrom() == null) {
            errors.add(new FieldError("activeFrom", "NotNull", "when the alert starts"));
        }
        if (request.activeUntil() == null) {
            errors.add(new FieldError("activeUntil", "NotNull", "when the alert ends"));
        } else if (request.activeFrom() != null && !request.activeUntil().isAfter(request.activeFrom())) {
            errors.add(new FieldError("activeUntil", "After", "must be after activeFrom"));
        }
        String raisedBy = principal != null ? principal.getName() : request.raisedBy();
        if (raisedBy == null || raisedBy.isBlank()) {
            errors.add(new FieldError("raisedBy", "NotBlank", "who raises the alert"));
        }
        if (!errors.isEmpty()) {
            return ResponseEntity.badRequest().body(ApiProblems.invalid(errors));
        }
        WeatherAlert alert = alerts.raise(request.district().trim(), request.kind().trim(), request.activeFrom(),
                request.activeUntil(), raisedBy);
        return ResponseEntity.created(URI.create("/api/weather-alerts/" + alert.id())).body(alert);
    }

    @GetMapping
    List<WeatherAlert> list(@RequestParam String district) {
        return alerts.listFor(district);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<?> end(@PathVariable long id) {
        return alerts.end(id).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(404).body(ApiProblems.notFound("no weather alert " + id)));
    }
}
