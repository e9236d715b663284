package io.supplyguard.customer;

/** Where a person checked a customer's contact: at the counter (营业厅) or as the district manager's task. */
public enum ContactCheckChannel {
    COUNTER, DISTRICT_MANAGER
}
