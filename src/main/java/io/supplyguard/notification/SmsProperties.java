package io.supplyguard.notification;

import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * SMS gateway and message texts ({@code supplyguard.sms.*}).
 *
 * @param gateway    {@code embedded} (outbox table + log lines) or {@code http}
 * @param howToPay   sentence appended to payment-related texts as {@code {howToPay}}
 * @param templates  Chinese text per template; {@code {name}} placeholders are filled from parameters
 * @param http       the HTTP gateway adapter, used when {@code gateway = http}
 */
@ConfigurationProperties("supplyguard.sms")
public record SmsProperties(Gateway gateway, String howToPay, Map<SmsTemplate, String> templates, Http http) {

    public enum Gateway { EMBEDDED, HTTP }

    public SmsProperties {
        gateway = gateway == null ? Gateway.EMBEDDED : gateway;
        howToPay = howToPay == null ? "" : howToPay;
        templates = templates == null ? Map.of() : new EnumMap<>(templates);
        http = http == null ? new Http(null, null, null, null, null, null, null, null, null) : http;
    }

    /**
     * @param url               where messages are POSTed
     * @param bodyTemplate      JSON body; {@code {{phone}}}, {@code {{text}}}, {@code {{messageId}}},
     *                          {@code {{customerNo}}} are replaced by JSON-escaped values
     * @param headers           extra request headers (e.g. an API key)
     * @param connectTimeout    TCP connect timeout
     * @param readTimeout       time allowed for the whole answer
     * @param maxAttempts       attempts per message, the first included
     * @param backoff           wait before the second attempt
     * @param backoffMultiplier factor applied to the wait after each further failure
     * @param messageIdField    top-level JSON field of the answer holding the gateway's message id
     */
    public record Http(URI url, String bodyTemplate, Map<String, String> headers, Duration connectTimeout,
            Duration readTimeout, Integer maxAttempts, Duration backoff, Double backoffMultiplier,
            String messageIdField) {

        public Http {
            bodyTemplate = bodyTemplate == null
                    ? "{\"mobile\":\"{{phone}}\",\"content\":\"{{text}}\",\"reference\":\"{{messageId}}\"}"
                    : bodyTemplate;
            headers = headers == null ? Map.of() : Map.copyOf(headers);
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(3) : connectTimeout;
            readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
            maxAttempts = maxAttempts == null ? 3 : maxAttempts;
            backoff = backoff == null ? Duration.ofSeconds(1) : backoff;
            backoffMultiplier = backoffMultiplier == null ? 2.0 : backoffMultiplier;
        }
    }
}
