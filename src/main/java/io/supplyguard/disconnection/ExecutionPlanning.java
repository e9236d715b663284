package io.supplyguard.disconnection;

import static io.supplyguard.disconnection.DisconnectionVariables.DISTRICT;
import static io.supplyguard.disconnection.DisconnectionVariables.EARLIEST_EXECUTION_AT;
import static io.supplyguard.disconnection.DisconnectionVariables.EXECUTION_AT;
import static io.supplyguard.disconnection.DisconnectionVariables.WINDOW_CLOSED_REASON;

import io.supplyguard.calendar.ExecutionWindow;
import io.supplyguard.switching.CutPostponement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sets {@code executionAt}: the next execution window opening after the notice period has run out
 * and after any postponement the payments since the start earned ({@code payment-stops-cut}).
 */
@Component("planExecution")
class ExecutionPlanning implements JavaDelegate {

    private final ExecutionWindow window;
    private final CutPostponement postponement;
    private final Clock clock;

    ExecutionPlanning(ExecutionWindow window, CutPostponement postponement, Clock clock) {
        this.window = window;
        this.postponement = postponement;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime earliest = OffsetDateTime.parse((String) execution.getVariable(EARLIEST_EXECUTION_AT));
        OffsetDateTime notBefore = latest(now, earliest, postponement.until(execution).orElse(now));
        String district = (String) execution.getVariable(DISTRICT);
        execution.setVariable(WINDOW_CLOSED_REASON, String.valueOf(window.closedReason(notBefore, district)));
        execution.setVariable(EXECUTION_AT, window.nextOpening(notBefore, district).toString());
    }

    private static OffsetDateTime latest(OffsetDateTime... instants) {
        return Stream.of(instants).max(OffsetDateTime::compareTo).orElseThrow();
    }
}
