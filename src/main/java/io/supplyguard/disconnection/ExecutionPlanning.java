package io.supplyguard.disconnection;

import static io.supplyguard.disconnection.DisconnectionVariables.DISTRICT;
import static io.supplyguard.disconnection.DisconnectionVariables.EARLIEST_EXECUTION_AT;
import static io.supplyguard.disconnection.DisconnectionVariables.EXECUTION_AT;
import static io.supplyguard.disconnection.DisconnectionVariables.WINDOW_CLOSED_REASON;

import io.supplyguard.calendar.ExecutionWindow;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sets {@code executionAt}: the next execution window opening after the notice period has run out. */
@Component("planExecution")
class ExecutionPlanning implements JavaDelegate {

    private final ExecutionWindow window;
    private final Clock clock;

    ExecutionPlanning(ExecutionWindow window, Clock clock) {
        this.window = window;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime earliest = OffsetDateTime.parse((String) execution.getVariable(EARLIEST_EXECUTION_AT));
        OffsetDateTime notBefore = earliest.isAfter(now) ? earliest : now;
        String district = (String) execution.getVariable(DISTRICT);
        execution.setVariable(WINDOW_CLOSED_REASON, String.valueOf(window.closedReason(notBefore, district)));
        execution.setVariable(EXECUTION_AT, window.nextOpening(notBefore, district).toString());
    }
}
