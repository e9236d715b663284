package io.supplyguard.guard;

import java.util.Map;
import java.util.Set;

/**
 * The one allow-list of what a deployed model may name (issue 15, rule 3). A bean name in an
 * expression or delegate expression of a BPMN model must be listed in {@link #PROCESS_BEANS}; a
 * bean that sends switching frames to meters (relay, power guarantee, alarm) may only be used by the
 * activities listed for it in {@link #SWITCHING_ACTIVITIES} — the activities the switching kernel
 * accepts requests from. A new delegate bean is added here, in the same change that uses it.
 */
final class ModelAllowList {

    /** Delegates, listeners and helpers of SupplyGuard's processes (Spring bean names). */
    static final Set<String> PROCESS_BEANS = Set.of(
            // disconnection
            "loadCustomer", "checkContact", "contactVerificationTask", "noticePosting", "decisions", "planExecution",
            "disconnectionTimes", "disconnectionSms", "reverifyBeforeCut", "tripMeter", "recordSupplyCut", "fieldCutOrder",
            "outcomes", "releaseCustomerClaim", "writtenNotices", "importantCustomerSteps", "sendWarning",
            "releasePreTripAlarm",
            // reconnection
            "verifyMeterIdentity", "remoteClose", "recordRestoration", "sendReconnectedSms", "verifyFieldRestore",
            "fieldOrderListener", "reconnectionEnded", "reconnectionTimes", "registerEmergency", "stopDisconnection",
            "powerGuaranteeOn", "powerGuaranteeOff", "releaseDecisionListener", "findDisconnectedWithoutArrears",
            "startSweepReconnections", "publishSweepReport", "sweepClosedLoopGuard",
            // contact verification campaign
            "contactVerification", "findContactsToVerify", "prepareDistrictList", "checkVerificationInput",
            "recordContactVerification",
            // holiday calendar
            "loadCalendarYear", "applyCalendarYear",
            // customer disputes
            "recordDispute", "resolveDispute", "disputeEmergencyReconnection", "wakeWaitingDisconnections",
            // 营业厅 contact check
            "counterContactCheck",
            // four-eyes release of the core models
            "modelReleaseDecision", "applyModelRelease");

    /** Switching beans and the activities ("process id/activity id") allowed to use them. */
    static final Map<String, Set<String>> SWITCHING_ACTIVITIES = Map.of(
            "tripMeter", Set.of("arrears-disconnection/Task_RemoteTrip"),
            "remoteClose", Set.of("payment-reconnection/Task_RemoteClose", "emergency-reconnection/Task_EmergencyClose"),
            "powerGuaranteeOn", Set.of("emergency-reconnection/Task_PowerGuaranteeOn"),
            "powerGuaranteeOff", Set.of("emergency-reconnection/Task_PowerGuaranteeOff"),
            "sendWarning", Set.of("important-customer-disconnection/Task_SendWarning"),
            "releasePreTripAlarm", Set.of("arrears-disconnection/Task_ReleaseAlarm"));

    private ModelAllowList() {
    }
}
