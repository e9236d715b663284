package io.supplyguard.customer;

import java.time.OffsetDateTime;

/** A current contact that needs a district manager's verification (stale, UNVERIFIED or INVALID). */
public record ContactToVerify(String district, String customerNo, String customerName, String phone,
        ContactRole role, ContactStatus status, OffsetDateTime verifiedAt) {
}
