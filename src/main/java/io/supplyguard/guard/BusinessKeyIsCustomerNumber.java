package io.supplyguard.guard;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Every process instance of a customer has the customer number as business key (DESIGN.md §5):
 * the timeline, payment correlation and the per-customer rules find instances by it. At the start of
 * every process, a {@code customerNo} variable and a business key that differ refuse the start; a start
 * without a business key (Tasklist start forms) gets the customer number.
 */
class BusinessKeyIsCustomerNumber extends AbstractBpmnParseListener implements ExecutionListener {

    static final String CUSTOMER_NO = "customerNo";

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, this);
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (!execution.getId().equals(execution.getProcessInstanceId())) {
            return;
        }
        Object value = execution.getVariable(CUSTOMER_NO);
        String customerNo = value == null ? null : value.toString().trim();
        String businessKey = execution.getProcessBusinessKey();
        if (customerNo == null || customerNo.isEmpty()) {
            return;
        }
        if (businessKey == null || businessKey.isEmpty()) {
            execution.setProcessBusinessKey(customerNo);
        } else if (!businessKey.equals(customerNo)) {
            throw new BusinessKeyMismatchException(businessKey, customerNo);
        }
    }
}
