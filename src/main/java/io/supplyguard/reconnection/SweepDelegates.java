package io.supplyguard.reconnection;

import static io.supplyguard.reconnection.ReconnectionSweepVariables.*;

import io.supplyguard.customer.CustomerRegistry;
import io.supplyguard.reconnection.ReconnectionRecords.DisconnectedWithoutArrears;
import io.supplyguard.reconnection.ReconnectionRecords.SweepItem;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of the twice-daily sweep of customers who are cut off but owe nothing (P7). */
@Configuration(proxyBeanMethods = false)
class SweepDelegates {

    private static final int SUMMARY_MAX = 1000;

    /** Lists them (kept in table reconnection_sweep_item: the list the loop is closed against). */
    @Bean("findDisconnectedWithoutArrears")
    JavaDelegate findDisconnectedWithoutArrears(ReconnectionRecords records, ReconnectionTimes times) {
        return execution -> {
            List<DisconnectedWithoutArrears> found = records.disconnectedWithoutArrears();
            long sweepId = records.openSweep(execution.getProcessInstanceId(), times.now(), found.size());
            found.forEach(item -> records.addSweepItem(sweepId, item));
            execution.setVariable(SWEEP_ID, sweepId);
            execution.setVariable(LISTED_COUNT, found.size());
            StringBuilder summary = new StringBuilder("共 " + found.size() + " 户");
            for (DisconnectedWithoutArrears item : found) {
                String line = "；" + item.customerNo() + " " + item.name() + "（" + item.district() + "）";
                if (summary.length() + line.length() > SUMMARY_MAX - 2) {
                    summary.append("……");
                    break;
                }
                summary.append(line);
            }
            execution.setVariable(SWEEP_SUMMARY, summary.toString());
        };
    }

    /** Starts payment reconnection for each listed customer without one running. */
    @Bean("startSweepReconnections")
    JavaDelegate startSweepReconnections(ReconnectionRecords records, ReconnectionStarter starter, CustomerRegistry registry) {
        return execution -> {
            long sweepId = (Long) execution.getVariable(SWEEP_ID);
            int started = 0;
            for (SweepItem item : records.sweepItems(sweepId)) {
                var account = registry.get(item.customerNo()).account();
                var start = starter.startInCurrentTransaction(item.customerNo(), ReconnectionStarter.Trigger.SWEEP, null,
                        account == null ? null : account.lastPaymentAt());
                if (start.started()) {
                    started++;
                }
                records.sweepItemStarted(sweepId, item.customerNo(), start.processInstanceId(), start.started());
            }
            execution.setVariable(STARTED_COUNT, started);
        };
    }

    /** Posts the list to the configured enterprise-WeChat group robot. */
    @Bean("publishSweepReport")
    JavaDelegate publishSweepReport(ReconnectionRecords records, ReportWebhook webhook, ReconnectionTimes times) {
        return execution -> {
            long sweepId = (Long) execution.getVariable(SWEEP_ID);
            boolean published = webhook.publish(records.sweepItems(sweepId), times.now());
            if (published) {
                records.sweepPublished(sweepId, times.now());
            }
            execution.setVariable(REPORT_PUBLISHED, published);
        };
    }

    /**
     * Closed loop: the duty officer's follow-up completes only when every listed customer is
     * restored (relay recorded closed, or "close allowed" granted since) or has an open field
     * order (which carries its reason).
     */
    @Bean("sweepClosedLoopGuard")
    TaskListener sweepClosedLoopGuard(ReconnectionRecords records) {
        return task -> {
            long sweepId = (Long) task.getVariable(SWEEP_ID);
            List<String> open = new ArrayList<>();
            for (SweepItem item : records.sweepItems(sweepId)) {
                if (!records.restored(item.customerNo()) && !records.hasOpenFieldOrder(item.customerNo())) {
                    open.add(item.customerNo());
                }
            }
            if (!open.isEmpty()) {
                throw new ProcessEngineException("以下客户尚未复电且无现场复电工单，不能完成核查：" + String.join("、", open));
            }
        };
    }
}
