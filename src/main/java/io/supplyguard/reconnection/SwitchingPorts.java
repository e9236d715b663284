package io.supplyguard.reconnection;

import io.supplyguard.account.Accounts;
import io.supplyguard.reconnection.ReconnectionStarter.Trigger;
import io.supplyguard.switching.EmergencyReconnections;
import io.supplyguard.switching.PaidCustomerReconnection;
import org.springframework.stereotype.Component;

/** What the switching kernel asks of reconnection: is an emergency running, and reconnect a paid customer now. */
@Component
class SwitchingPorts implements EmergencyReconnections, PaidCustomerReconnection {

    private final ReconnectionRecords records;
    private final ReconnectionStarter starter;
    private final Accounts accounts;

    SwitchingPorts(ReconnectionRecords records, ReconnectionStarter starter, Accounts accounts) {
        this.records = records;
        this.starter = starter;
        this.accounts = accounts;
    }

    @Override
    public boolean runningFor(String customerNo) {
        return records.activeProcessOf(ReconnectionRecords.EMERGENCY, customerNo).isPresent();
    }

    @Override
    public void ensureRunning(String customerNo, String reason) {
        starter.startInCurrentTransaction(customerNo, Trigger.TRIP_CONFIRMED, null, accounts.status(customerNo).lastPaymentAt());
    }
}
