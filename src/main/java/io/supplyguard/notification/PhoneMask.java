package io.supplyguard.notification;

/** Phone numbers in logs keep their first 3 and last 4 digits only (138****5678). */
final class PhoneMask {

    private PhoneMask() {
    }

    static String mask(String phone) {
        if (phone == null || phone.length() <= 7) {
            return "****";
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }
}
