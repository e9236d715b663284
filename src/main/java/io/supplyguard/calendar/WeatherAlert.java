package io.supplyguard.calendar;

import java.time.OffsetDateTime;

/** An extreme-weather alert for a transformer district: no cuts there while it is active. */
public record WeatherAlert(long id, String district, String kind, OffsetDateTime activeFrom, OffsetDateTime activeUntil,
        String raisedBy, OffsetDateTime endedAt) {

    public boolean activeAt(OffsetDateTime time) {
        OffsetDateTime end = endedAt != null && endedAt.isBefore(activeUntil) ? endedAt : activeUntil;
        return !time.isBefore(activeFrom) && time.isBefore(end);
    }

    public OffsetDateTime effectiveEnd() {
        return endedAt != null && endedAt.isBefore(activeUntil) ? endedAt : activeUntil;
    }
}
