package io.supplyguard.dispute;

import java.time.OffsetDateTime;

/** One dispute as recorded (table {@code dispute}). */
public record Dispute(
        long id,
        String customerNo,
        Kind kind,
        String description,
        Source source,
        String ticketNo,
        String recordedBy,
        OffsetDateTime recordedAt,
        OffsetDateTime escalateAt,
        String processInstanceId,
        Status status,
        String resolvedBy,
        OffsetDateTime resolvedAt,
        String resolutionText) {

    /** What is disputed. */
    public enum Kind {
        BILL("电费账单"), METER("计量表计"), NOTICE("停电通知"), OTHER("其他");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** Where the customer raised it: 95598 (with its ticket number), a service counter, a letter. */
    public enum Source {
        HOTLINE("95598"), COUNTER("营业厅"), LETTER("信函");

        final String label;

        Source(String label) {
            this.label = label;
        }
    }

    public enum Status {
        OPEN, UPHELD, REJECTED
    }
}
