package io.supplyguard.demo;

import io.supplyguard.customer.BillingMode;
import io.supplyguard.customer.ContactRole;
import io.supplyguard.customer.ContactStatus;
import io.supplyguard.customer.CustomerRegistration;
import io.supplyguard.customer.CustomerRegistration.Account;
import io.supplyguard.customer.CustomerRegistration.Contact;
import io.supplyguard.customer.CustomerRegistration.Meter;
import io.supplyguard.customer.ImportanceGrade;
import io.supplyguard.customer.RelayState;
import io.supplyguard.customer.SafetyReason;
import io.supplyguard.customer.UsageClass;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * About 200 demo customers across the classes, deterministic (fixed seed) so that every start
 * produces the same registry: ordinary residential and non-residential customers, some in
 * arrears, some without a fee-control agreement, safety-sensitive ones, important customers of
 * every grade, stale and invalid contacts, a few already cut who owe nothing, on two buses.
 */
final class DemoCustomers {

    static final int COUNT = 200;
    static final List<String> DISTRICTS = List.of("TQ-001", "TQ-002", "TQ-003", "TQ-004");

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "朱", "马", "胡"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超"};
    private static final String[] TOWNS = {"沛城镇", "龙固镇", "杨屯镇", "大屯镇", "安国镇", "鹿楼镇", "朱寨镇", "敬安镇"};
    private static final String[] BUSINESSES = {"超市", "饭店", "五金店", "养殖场", "加工厂", "修理厂", "药店", "宾馆"};
    private static final String[][] IMPORTANT = {
            {"沛县人民医院", "SPECIAL", "沛县卫生健康委员会"},
            {"沛县自来水厂", "SPECIAL", "沛县住房和城乡建设局"},
            {"沛县第一中学", "GRADE_1", "沛县教育局"},
            {"沛县煤矿救护队", "GRADE_1", "沛县应急管理局"},
            {"沛县化工园区污水处理厂", "GRADE_2", "沛县生态环境局"},
            {"沛县广播电视台", "GRADE_2", "沛县委宣传部"},
            {"高考考点（沛县中学）", "TEMPORARY", "沛县教育局"},
            {"县运动会主会场", "TEMPORARY", "沛县体育局"},
    };

    private DemoCustomers() {
    }

    static String customerNo(int i) {
        return "32001" + String.format("%05d", i);
    }

    static String meterNo(int i) {
        return "0000001" + String.format("%05d", i);
    }

    static String districtOf(int i) {
        return DISTRICTS.get(i % DISTRICTS.size());
    }

    /** TQ-001 and TQ-002 hang on bus-1, TQ-003 and TQ-004 on bus-2. */
    static String busOf(int i) {
        return DISTRICTS.indexOf(districtOf(i)) < 2 ? "bus-1" : "bus-2";
    }

    static List<CustomerRegistration> all(LocalDate today) {
        Random random = new Random(20261128L);
        OffsetDateTime now = today.atTime(9, 0).atOffset(java.time.ZoneOffset.ofHours(8));
        List<CustomerRegistration> customers = new ArrayList<>();
        for (int i = 1; i <= COUNT; i++) {
            customers.add(customer(i, random, today, now));
        }
        return customers;
    }

    private static CustomerRegistration customer(int i, Random random, LocalDate today, OffsetDateTime now) {
        String person = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
                + (random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)] : "");
        String address = TOWNS[i % TOWNS.length] + (1 + random.nextInt(30)) + "村" + (1 + random.nextInt(99)) + "号";
        boolean important = i <= IMPORTANT.length;
        boolean nonResidential = important || i % 5 == 0;
        String name = important ? IMPORTANT[i - 1][0]
                : nonResidential ? person + BUSINESSES[random.nextInt(BUSINESSES.length)] : person;
        ImportanceGrade grade = important ? ImportanceGrade.valueOf(IMPORTANT[i - 1][1]) : ImportanceGrade.NONE;
        String supervisor = important ? IMPORTANT[i - 1][2] : null;

        // every 25th customer: no fee-control agreement signed
        LocalDate agreement = i % 25 == 3 ? null : today.minusDays(200 + random.nextInt(1500));
        // every 20th (from 11): safety-sensitive household or business
        boolean safety = !important && i % 20 == 11;
        SafetyReason reason = !safety ? null : SafetyReason.values()[i / 20 % SafetyReason.values().length];

        BillingMode billing = i % 4 == 2 ? BillingMode.PREPAID : BillingMode.POSTPAID;
        boolean inArrears = i % 3 == 0 || safety || i == 2 || i == 5;
        BigDecimal arrears = inArrears ? BigDecimal.valueOf(3000 + random.nextInt(60000), 2) : BigDecimal.ZERO;
        LocalDate overdueSince = inArrears ? today.minusDays(5 + random.nextInt(60)) : null;
        BigDecimal balance = inArrears ? BigDecimal.ZERO.setScale(2) : BigDecimal.valueOf(5000 + random.nextInt(50000), 2);

        // a few customers were cut earlier and have paid since: the sweep must find them
        RelayState relay = i % 50 == 7 ? RelayState.OPEN : RelayState.CLOSED;

        List<Contact> contacts = new ArrayList<>();
        String mobile = "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
        if (i % 17 == 4) {
            contacts.add(new Contact(mobile, ContactRole.OWNER, ContactStatus.INVALID, null, "SMS_RECEIPT"));
        } else if (i % 13 == 6) {
            contacts.add(new Contact(mobile, ContactRole.OWNER, ContactStatus.UNVERIFIED, null, "IMPORT"));
        } else {
            // every 7th has a contact verified long ago (stale)
            int ageDays = i % 7 == 1 ? 300 + random.nextInt(300) : 5 + random.nextInt(120);
            contacts.add(new Contact(mobile, ContactRole.OWNER, ContactStatus.VALID, now.minusDays(ageDays), "COUNTER"));
        }
        if (i % 9 == 0) {
            String tenant = "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
            contacts.add(new Contact(tenant, ContactRole.TENANT, ContactStatus.VALID, now.minusDays(30), "DISTRICT_MANAGER"));
        }

        Meter meter = new Meter(meterNo(i), meterNo(i), busOf(i), "02", "000000", "00000000", null, relay);
        return new CustomerRegistration(customerNo(i), name, "江苏省徐州市沛县" + address,
                nonResidential ? UsageClass.NON_RESIDENTIAL : UsageClass.RESIDENTIAL, billing, districtOf(i),
                agreement, grade, safety, reason, supervisor, contacts, meter,
                new Account(balance, arrears, overdueSince));
    }
}
