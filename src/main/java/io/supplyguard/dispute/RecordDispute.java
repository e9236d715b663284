package io.supplyguard.dispute;

import static io.supplyguard.dispute.DisputeVariables.*;

import io.supplyguard.calendar.HolidayCalendar;
import io.supplyguard.customer.CustomerRegistry;
import io.supplyguard.customer.CustomerView;
import io.supplyguard.customer.RelayState;
import io.supplyguard.identity.Roles;
import io.supplyguard.infrastructure.web.FieldError;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * 登记争议 of {@code customer-dispute}: runs in the start transaction, so a refusal reaches the
 * person who started it (Tasklist, engine REST, {@code /api}) as a 400 and nothing is recorded.
 * The recorder is the engine's authenticated user and must be a member of a recording role; the
 * escalation is 3 working days of the business calendar after the server's now.
 */
@Component("recordDispute")
class RecordDispute implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(RecordDispute.class);

    private final Disputes disputes;
    private final CustomerRegistry registry;
    private final HolidayCalendar calendar;
    private final IdentityService identity;
    private final Clock clock;
    private final int escalateAfterWorkingDays;

    RecordDispute(Disputes disputes, CustomerRegistry registry, HolidayCalendar calendar, IdentityService identity, Clock clock,
            @Value("${supplyguard.dispute.escalate-after-working-days:3}") int escalateAfterWorkingDays) {
        this.disputes = disputes;
        this.registry = registry;
        this.calendar = calendar;
        this.identity = identity;
        this.clock = clock;
        this.escalateAfterWorkingDays = escalateAfterWorkingDays;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String user = DisputeAuthority.authenticatedUser(identity);
        if (!DisputeAuthority.memberOfAny(identity, user, Roles.DISPUTE_RECORDERS)) {
            throw new BadUserRequestException("无权登记客户争议（user '" + user + "' is in none of " + Roles.DISPUTE_RECORDERS + "）");
        }
        String customerNo = DisputeAuthority.text(execution, CUSTOMER_NO);
        Optional<CustomerView> customer = customerNo == null ? Optional.empty() : registry.find(customerNo);
        if (customer.isEmpty()) {
            throw new BadUserRequestException("客户编号不存在（field '" + CUSTOMER_NO + "' no customer " + customerNo + "）");
        }
        DisputeInput input = new DisputeInput(DisputeAuthority.text(execution, DISPUTE_KIND),
                DisputeAuthority.text(execution, DISPUTE_TEXT), DisputeAuthority.text(execution, DISPUTE_SOURCE),
                DisputeAuthority.text(execution, TICKET_NO));
        List<FieldError> errors = input.errors();
        if (!errors.isEmpty()) {
            FieldError first = errors.get(0);
            throw new BadUserRequestException("争议登记有误（field '" + formKey(first.field()) + "' " + first.message() + "）");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime escalateAt = calendar.plusWorkingDays(now, escalateAfterWorkingDays);
        Dispute dispute = disputes.open(customerNo, input.parsedKind(), input.text().trim(), input.parsedSource(),
                input.trimmedTicketNo(), user, now, escalateAt, execution.getProcessInstanceId());
        CustomerView c = customer.get();
        boolean cut = c.meter() != null && c.meter().relayState() != null && c.meter().relayState() != RelayState.CLOSED;
        execution.setVariable(DISPUTE_ID, dispute.id());
        execution.setVariable(RECORDED_BY, user);
        execution.setVariable(ESCALATE_AT, Date.from(escalateAt.toInstant()));
        execution.setVariable(CUSTOMER_NAME, c.name());
        execution.setVariable(DISTRICT, c.district());
        execution.setVariable(CUSTOMER_CUT, cut);
        log.info("dispute {} of customer {} recorded by {} ({}), escalates {}", dispute.id(), customerNo, user, input.kind(),
                escalateAt);
    }

    private static String formKey(String apiField) {
        return switch (apiField) {
            case "kind" -> DISPUTE_KIND;
            case "text" -> DISPUTE_TEXT;
            case "source" -> DISPUTE_SOURCE;
            default -> apiField;
        };
    }
}
