package io.supplyguard.customer;

/** Prepaid customers run on an available balance, postpaid customers on bills. */
public enum BillingMode {
    PREPAID, POSTPAID
}
