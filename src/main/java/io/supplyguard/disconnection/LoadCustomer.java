package io.supplyguard.disconnection;

import static io.supplyguard.disconnection.DisconnectionVariables.*;

import io.supplyguard.customer.CustomerNotFoundException;
import io.supplyguard.customer.CustomerRegistry;
import io.supplyguard.customer.CustomerView;
import io.supplyguard.identity.IdentityDirectory;
import java.math.BigDecimal;
import io.supplyguard.switching.SwitchingFacts;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * First step of every disconnection, in the starting transaction: claims the customer (never two
 * disconnections at once), makes the business key the customer number (also for starts from
 * Tasklist) and copies what the decision table and the forms show into variables.
 */
@Component("loadCustomer")
class LoadCustomer implements JavaDelegate {

    private final CustomerRegistry registry;
    private final ActiveDisconnections active;
    private final IdentityDirectory directory;
    private final SwitchingFacts facts;
    private final Clock clock;

    LoadCustomer(CustomerRegistry registry, ActiveDisconnections active, IdentityDirectory directory, SwitchingFacts facts,
            Clock clock) {
        this.facts = facts;
        this.registry = registry;
        this.active = active;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String customerNo = customerNo(execution);
        CustomerView customer = registry.find(customerNo).orElseThrow(() -> new CustomerNotFoundException(customerNo));
        OffsetDateTime now = OffsetDateTime.now(clock);
        active.claim(customerNo, execution.getProcessInstanceId(), trigger(execution), now);
        // what the switching kernel will hold this instance to: this customer, this meter, this start
        facts.openCase(execution, customerNo, customer.meter() != null ? customer.meter().meterNo() : null);
        if (execution.getProcessBusinessKey() == null) {
            execution.setProcessBusinessKey(customerNo);
        }
        execution.setVariable(CUSTOMER_NO, customerNo);
        execution.setVariable(STARTED_AT, now.toString());
        execution.setVariable(SUPPLY_CUT, false);
        execution.setVariable(NOTICE_PDF, "/api/notices/" + execution.getProcessInstanceId() + ".pdf");
        CustomerSnapshot.of(customer, LocalDate.now(clock)).writeTo(execution);
        // the district's tasks go to that district's managers and crew only
        directory.ensureDistrictGroups(customer.district());
    }

    private static String customerNo(DelegateExecution execution) {
        Object value = execution.getVariable(CUSTOMER_NO);
        String customerNo = value != null ? value.toString().trim() : execution.getProcessBusinessKey();
        if (customerNo == null || customerNo.isBlank()) {
            throw new IllegalArgumentException("customerNo is required to start an arrears disconnection");
        }
        return customerNo;
    }

    private static String trigger(DelegateExecution execution) {
        Object trigger = execution.getVariable(TRIGGER);
        if (trigger != null) {
            return trigger.toString();
        }
        Object initiator = execution.getVariable("initiator");
        String source = initiator != null ? "TASKLIST:" + initiator : "TASKLIST";
        execution.setVariable(TRIGGER, source);
        return source;
    }

    /** The customer's facts as the process sees them; re-read again right before the cut. */
    record CustomerSnapshot(String name, String address, String district, String usageClass, String importanceGrade,
            boolean safetySensitive, String safetyReason, String supervisingBody, boolean agreementSigned,
            boolean powerGuarantee, double arrears, int daysOverdue, String overdueSince, String meterNo) {

        static CustomerSnapshot of(CustomerView c, LocalDate today) {
            BigDecimal arrears = c.account() != null ? c.account().arrears() : BigDecimal.ZERO;
            LocalDate overdueSince = c.account() != null ? c.account().overdueSince() : null;
            int daysOverdue = overdueSince == null ? 0 : (int) Math.max(0, ChronoUnit.DAYS.between(overdueSince, today));
            return new CustomerSnapshot(c.name(), c.address(), c.district(), c.usageClass().name(), c.importanceGrade().name(),
                    c.safetySensitive(), c.safetyReason() != null ? c.safetyReason().name() : "",
                    c.supervisingBody() != null ? c.supervisingBody() : "", c.hasFeeControlAgreement(),
                    c.meter() != null && c.meter().powerGuarantee(), arrears.doubleValue(), daysOverdue,
                    overdueSince != null ? overdueSince.toString() : "", c.meter() != null ? c.meter().meterNo() : "");
        }

        void writeTo(DelegateExecution execution) {
            execution.setVariable(CUSTOMER_NAME, name);
            execution.setVariable(CUSTOMER_ADDRESS, address);
            execution.setVariable(DISTRICT, district);
            execution.setVariable(USAGE_CLASS, usageClass);
            execution.setVariable(IMPORTANCE_GRADE, importanceGrade);
            execution.setVariable(SAFETY_SENSITIVE, safetySensitive);
            execution.setVariable(SAFETY_REASON, safetyReason);
            execution.setVariable(SUPERVISING_BODY, supervisingBody);
            execution.setVariable(AGREEMENT_SIGNED, agreementSigned);
            execution.setVariable(POWER_GUARANTEE, powerGuarantee);
            execution.setVariable(ARREARS, arrears);
            execution.setVariable(DAYS_OVERDUE, daysOverdue);
            execution.setVariable(OVERDUE_SINCE, overdueSince);
            execution.setVariable(METER_NO, meterNo);
        }
    }
}
