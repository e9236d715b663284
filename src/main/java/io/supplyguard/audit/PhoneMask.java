package io.supplyguard.audit;

/** Phone numbers as auditors see them: enough to tell two apart, not enough to call. */
final class PhoneMask {

    static String mask(String phone) {
        return phone == null || phone.length() < 7 ? phone : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    private PhoneMask() {
    }
}
