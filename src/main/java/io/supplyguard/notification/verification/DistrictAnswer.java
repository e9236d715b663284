package io.supplyguard.notification.verification;

import static io.supplyguard.notification.verification.ContactVerificationVariables.CONFIRMED;
import static io.supplyguard.notification.verification.ContactVerificationVariables.CORRECTIONS;
import static io.supplyguard.notification.verification.ContactVerificationVariables.DISTRICT;
import static io.supplyguard.notification.verification.ContactVerificationVariables.INVALID;

import io.supplyguard.customer.CustomerRegistry;
import org.camunda.bpm.engine.delegate.VariableScope;

/** A district manager's answer as stored in the district's variables. */
record DistrictAnswer(String district, String confirmed, String corrections, String invalid) {

    static DistrictAnswer of(VariableScope scope) {
        return new DistrictAnswer((String) scope.getVariable(DISTRICT), (String) scope.getVariable(CONFIRMED),
                (String) scope.getVariable(CORRECTIONS), (String) scope.getVariable(INVALID));
    }

    VerificationInput.Result parse(CustomerRegistry registry) {
        return VerificationInput.parse(confirmed, corrections, invalid, district, registry::find);
    }
}
