package io.supplyguard.customer;

import java.util.List;

/**
 * A district manager's findings for one customer: current contacts confirmed as correct, numbers
 * replaced by a corrected one (same role), numbers found not to reach the customer.
 */
public record ContactVerification(String customerNo, List<String> confirmedPhones, List<Correction> corrections,
        List<String> invalidPhones) {

    public record Correction(String oldPhone, String newPhone) {
    }
}
