package io.supplyguard.meter;

/** Who asked for a meter command: recorded with every frame (DESIGN.md P6). */
public record Requester(String processInstanceId, String activityId, String userId) {

    public static Requester process(String processInstanceId, String activityId) {
        return new Requester(processInstanceId, activityId, null);
    }

    public static Requester commissioning(String userId) {
        return new Requester(null, null, userId);
    }
}
