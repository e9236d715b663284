package io.supplyguard.customer;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.exception.NotValidException;
import org.springframework.stereotype.Component;

/**
 * The step of 营业厅核对联系方式 (process {@code counter-contact-check}, started from its Tasklist start
 * form): the same check as the REST API, by the user the engine authenticated for the start.
 */
@Component("counterContactCheck")
class CounterContactCheckStart implements JavaDelegate {

    static final String CUSTOMER_NO = "customerNo";
    static final String PHONE = "contactPhone";
    static final String ROLE = "contactRole";
    static final String CONFIRMED = "contactConfirmed";
    static final String CHECKED_BY = "checkedBy";

    private final CounterContactChecks checks;
    private final IdentityService identity;

    CounterContactCheckStart(CounterContactChecks checks, IdentityService identity) {
        this.checks = checks;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var user = identity.getCurrentAuthentication();
        Object confirmed = execution.getVariable(CONFIRMED);
        try {
            var contact = checks.record(String.valueOf(execution.getVariable(CUSTOMER_NO)), new CounterContactChecks.Check(
                    (String) execution.getVariable(PHONE), (String) execution.getVariable(ROLE),
                    confirmed == null ? null : Boolean.valueOf(confirmed.toString())), user != null ? user.getUserId() : null);
            execution.setVariable(CHECKED_BY, user.getUserId());
            execution.setVariable(PHONE, contact.phone());
        } catch (CounterContactChecks.InvalidCheckException e) {
            // Tasklist shows the message and starts nothing; the engine REST API answers 400
            throw new NotValidException("表单填写有误（" + e.getMessage() + "）");
        } catch (CustomerNotFoundException e) {
            throw new NotValidException("客户不存在（field '" + CUSTOMER_NO + "' " + e.getMessage() + "）");
        }
    }
}
