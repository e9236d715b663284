package io.supplyguard.notification.verification;

/** Variable names of process {@code contact-verification}; the form field keys are the same. */
public final class ContactVerificationVariables {

    public static final String PROCESS_ID = "contact-verification";
    /** ISO instant: contacts VALID but verified before it are stale (fixed at campaign start). */
    public static final String STALE_BEFORE = "staleBefore";
    /** How many districts have contacts to verify. */
    public static final String DISTRICT_COUNT = "districtCount";
    /** Per district (local to its instance of the multi-instance sub-process): */
    public static final String DISTRICT = "district";
    public static final String CANDIDATE_LIST = "candidateList";
    public static final String CANDIDATE_COUNT = "candidateCount";
    /** Customer numbers whose listed contacts are confirmed as correct. */
    public static final String CONFIRMED = "confirmedCustomers";
    /** Lines "customerNo,oldPhone,newPhone". */
    public static final String CORRECTIONS = "corrections";
    /** Lines "customerNo,phone": numbers that do not reach the customer. */
    public static final String INVALID = "invalidContacts";
    public static final String REMARK = "remark";
    public static final String RECORDED_CUSTOMERS = "recordedCustomers";

    private ContactVerificationVariables() {
    }
}
