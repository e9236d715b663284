package io.supplyguard.notification.verification;

import io.supplyguard.customer.ContactRole;
import io.supplyguard.customer.ContactStatus;
import io.supplyguard.customer.ContactToVerify;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The district's list as the form shows it: one line per contact, in Chinese. */
final class CandidateListText {

    private static final Map<ContactRole, String> ROLES =
            Map.of(ContactRole.OWNER, "户主", ContactRole.TENANT, "租户", ContactRole.AGENT, "代理人");
    private static final Map<ContactStatus, String> STATUSES =
            Map.of(ContactStatus.VALID, "有效（超期未核实）", ContactStatus.UNVERIFIED, "未核实", ContactStatus.INVALID, "无效");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private CandidateListText() {
    }

    static String of(List<ContactToVerify> contacts) {
        return contacts.stream()
                .map(c -> String.join(" | ", c.customerNo(), c.customerName(), c.phone(), ROLES.get(c.role()),
                        STATUSES.get(c.status()), c.verifiedAt() == null ? "从未核实" : "上次核实 " + DAY.format(c.verifiedAt())))
                .collect(Collectors.joining("\n"));
    }
}
