package io.supplyguard.notification;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Renders the configured Chinese texts; every template must be configured (checked at start-up). */
@Component
class SmsTexts {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    private final Map<SmsTemplate, String> templates;
    private final String howToPay;

    SmsTexts(SmsProperties properties) {
        for (SmsTemplate template : SmsTemplate.values()) {
            if (properties.templates().getOrDefault(template, "").isBlank()) {
                throw new IllegalStateException("supplyguard.sms.templates." + template + " is not configured");
            }
        }
        this.templates = properties.templates();
        this.howToPay = properties.howToPay();
    }

    /** @throws IllegalArgumentException when the text needs a parameter that was not given */
    String render(SmsTemplate template, String customerNo, Map<String, String> parameters) {
        Map<String, String> values = new HashMap<>(parameters == null ? Map.of() : parameters);
        values.putIfAbsent("customerNo", customerNo);
        values.putIfAbsent("howToPay", howToPay);
        Matcher m = PLACEHOLDER.matcher(templates.get(template));
        StringBuilder text = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("SMS " + template + " needs parameter '" + m.group(1) + "'");
            }
            m.appendReplacement(text, Matcher.quoteReplacement(value));
        }
        m.appendTail(text);
        return text.toString().strip();
    }
}
