package io.supplyguard.guard;

import org.camunda.bpm.engine.BadUserRequestException;

/** A process start whose business key is not its customer number; nothing is started (REST: 400). */
class BusinessKeyMismatchException extends BadUserRequestException {

    BusinessKeyMismatchException(String businessKey, String customerNo) {
        super("业务键必须是客户编号（business key '" + businessKey + "' differs from variable customerNo '" + customerNo
                + "'; the business key of a customer's process is the customer number）");
    }
}
