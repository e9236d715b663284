package io.supplyguard.notification.verification;

import io.supplyguard.customer.ContactVerification;
import io.supplyguard.customer.CustomerView;
import io.supplyguard.customer.CustomerView.ContactView;
import io.supplyguard.customer.RegistryFormats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads what a district manager typed into the form: confirmed customer numbers, correction lines
 * "客户编号,原电话,新电话" and invalid lines "客户编号,电话" (commas, Chinese commas or spaces).
 * Every problem is reported in Chinese with its field and line, so the task is not completed with
 * half an answer.
 */
final class VerificationInput {

    record Result(List<ContactVerification> verifications, List<String> errors) {
    }

    private final String district;
    private final Function<String, Optional<CustomerView>> customers;
    private final Map<String, Builder> byCustomer = new LinkedHashMap<>();
    private final List<String> errors = new ArrayList<>();

    private VerificationInput(String district, Function<String, Optional<CustomerView>> customers) {
        this.district = district;
        this.customers = customers;
    }

    static Result parse(String confirmed, String corrections, String invalid, String district,
            Function<String, Optional<CustomerView>> customers) {
        VerificationInput input = new VerificationInput(district, customers);
        input.readCorrections(corrections);
        input.readInvalid(invalid);
        input.readConfirmed(confirmed);
        return new Result(input.byCustomer.values().stream().map(Builder::build).toList(), List.copyOf(input.errors));
    }

    private void readConfirmed(String text) {
        List<String> numbers = tokens(text == null ? "" : text.replace('\n', ' '));
        for (String customerNo : numbers) {
            customer("核实无误", 1, customerNo).ifPresent(c -> builder(c).confirmAll = true);
        }
    }

    private void readCorrections(String text) {
        forEachLine(text, "更正", 3, "客户编号,原电话,新电话", (line, parts) -> customer("更正", line, parts.get(0))
                .filter(c -> isCurrentPhone("更正", line, c, parts.get(1)))
                .ifPresent(c -> {
                    if (!parts.get(2).matches(RegistryFormats.PHONE)) {
                        errors.add("更正第" + line + "行：新电话 " + parts.get(2) + " 不是有效的手机或固话号码");
                    } else {
                        builder(c).corrections.add(new ContactVerification.Correction(parts.get(1), parts.get(2)));
                    }
                }));
    }

    private void readInvalid(String text) {
        forEachLine(text, "无法联系", 2, "客户编号,电话", (line, parts) -> customer("无法联系", line, parts.get(0))
                .filter(c -> isCurrentPhone("无法联系", line, c, parts.get(1)))
                .ifPresent(c -> builder(c).invalid.add(parts.get(1))));
    }

    private interface LineReader {
        void read(int line, List<String> parts);
    }

    private void forEachLine(String text, String field, int parts, String format, LineReader reader) {
        String[] lines = text == null ? new String[0] : text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            List<String> tokens = tokens(lines[i]);
            if (tokens.isEmpty()) {
                continue;
            }
            if (tokens.size() != parts) {
                errors.add(field + "第" + (i + 1) + "行应为：" + format);
                continue;
            }
            reader.read(i + 1, tokens);
        }
    }

    private Optional<CustomerView> customer(String field, int line, String customerNo) {
        if (!customerNo.matches(RegistryFormats.CUSTOMER_NO)) {
            errors.add(field + "第" + line + "行：客户编号 " + customerNo + " 应为10位数字");
            return Optional.empty();
        }
        Optional<CustomerView> customer = customers.apply(customerNo).filter(c -> c.district().equals(district));
        if (customer.isEmpty()) {
            errors.add(field + "第" + line + "行：客户 " + customerNo + " 不在台区 " + district);
        }
        return customer;
    }

    private boolean isCurrentPhone(String field, int line, CustomerView customer, String phone) {
        boolean current = customer.contacts().stream().anyMatch(c -> c.phone().equals(phone));
        if (!current) {
            errors.add(field + "第" + line + "行：" + phone + " 不是客户 " + customer.customerNo() + " 的现有联系电话");
        }
        return current;
    }

    private Builder builder(CustomerView customer) {
        return byCustomer.computeIfAbsent(customer.customerNo(), no -> new Builder(customer));
    }

    private static List<String> tokens(String line) {
        return Arrays.stream(line.strip().split("[,，、;；\\s]+")).filter(t -> !t.isEmpty()).toList();
    }

    private static final class Builder {
        final CustomerView customer;
        boolean confirmAll;
        final List<ContactVerification.Correction> corrections = new ArrayList<>();
        final List<String> invalid = new ArrayList<>();

        Builder(CustomerView customer) {
            this.customer = customer;
        }

        /** "Confirmed" covers the customer's current numbers that were not corrected or found invalid. */
        ContactVerification build() {
            List<String> confirmed = !confirmAll ? List.of() : customer.contacts().stream().map(ContactView::phone)
                    .filter(p -> invalid.stream().noneMatch(p::equals))
                    .filter(p -> corrections.stream().noneMatch(c -> c.oldPhone().equals(p)))
                    .distinct().toList();
            return new ContactVerification(customer.customerNo(), confirmed, List.copyOf(corrections), List.copyOf(invalid));
        }
    }
}
