package io.supplyguard.meter.dlt645;

import java.util.Set;

/** A meter's answer to a request: accepted with a value, or rejected with reasons. */
public sealed interface Reply {

    Frame frame();

    /** {@code value}: the data after the identifier for reads, the address bytes, or empty. */
    record Accepted(Frame frame, byte[] value) implements Reply {
    }

    /** {@code securityWord} is set instead of {@code errors} by cipher-mode meters. */
    record Rejected(Frame frame, Set<MeterError> errors, Integer securityWord) implements Reply {

        public String reason() {
            return securityWord != null ? String.format("SECURITY_ERROR_%04X", securityWord)
                    : errors.isEmpty() ? "UNSPECIFIED" : String.join(",", errors.stream().map(Enum::name).sorted().toList());
        }
    }
}
