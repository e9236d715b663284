package io.supplyguard.disconnection;

import static io.supplyguard.disconnection.DisconnectionVariables.MESSAGE_CONTACT_VERIFIED;

import io.supplyguard.customer.ContactVerified;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A contact verified at the counter releases a disconnection of that customer waiting at
 * 核实客户联系方式 or 执行前核实联系方式 (boundary {@code Message_ContactVerified}): in the same
 * transaction, so the verification and the release commit together. The process checks the
 * contact again itself ({@link ContactCheck}, the kernel before a trip); nothing of the message is trusted.
 */
@Component
class ContactVerifiedCorrelation {

    private final RuntimeService runtime;

    ContactVerifiedCorrelation(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @EventListener
    void on(ContactVerified verified) {
        runtime.createMessageCorrelation(MESSAGE_CONTACT_VERIFIED)
                .processInstanceBusinessKey(verified.customerNo())
                .correlateAllWithResult();
    }
}
