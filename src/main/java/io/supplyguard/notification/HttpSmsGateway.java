package io.supplyguard.notification;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A real SMS gateway over HTTP: the configured JSON body is POSTed to the configured URL. Timeouts,
 * connection failures, 429 and 5xx are retried with exponential backoff; any other 4xx means the
 * gateway refuses this request and retrying would not help.
 */
@Component
@ConditionalOnProperty(name = "supplyguard.sms.gateway", havingValue = "http")
class HttpSmsGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(HttpSmsGateway.class);

    private final SmsProperties.Http config;
    private final ObjectMapper json;
    private final HttpClient client;

    HttpSmsGateway(SmsProperties properties, ObjectMapper json) {
        this.config = properties.http();
        if (config.url() == null || config.url().toString().isBlank()) {
            throw new IllegalStateException("supplyguard.sms.http.url is required when supplyguard.sms.gateway=http");
        }
        this.json = json;
        this.client = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build();
    }

    @Override
    public SmsProperties.Gateway kind() {
        return SmsProperties.Gateway.HTTP;
    }

    @Override
    public String send(OutgoingSms sms) {
        HttpRequest request = request(sms);
        Duration wait = config.backoff();
        for (int attempt = 1; ; attempt++) {
            String failure;
            Exception cause = null;
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status / 100 == 2) {
                    return gatewayId(response.body());
                }
                failure = "HTTP " + status;
                if (status != 429 && status / 100 == 4) {
                    throw new SmsGatewayException("SMS gateway refused message " + sms.messageId() + ": " + failure
                            + " " + abbreviate(response.body()), null);
                }
            } catch (IOException e) {
                failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                cause = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SmsGatewayException("interrupted while sending SMS " + sms.messageId(), e);
            }
            log.warn("SMS {} to {}: attempt {}/{} failed ({})", sms.messageId(), PhoneMask.mask(sms.phone()),
                    attempt, config.maxAttempts(), failure);
            if (attempt >= config.maxAttempts()) {
                throw new SmsGatewayException("SMS gateway did not take message " + sms.messageId() + " after "
                        + attempt + " attempts: " + failure, cause);
            }
            pause(wait);
            wait = Duration.ofMillis((long) (wait.toMillis() * config.backoffMultiplier()));
        }
    }

    private HttpRequest request(OutgoingSms sms) {
        String body = config.bodyTemplate()
                .replace("{{phone}}", escaped(sms.phone()))
                .replace("{{text}}", escaped(sms.text()))
                .replace("{{messageId}}", escaped(sms.messageId()))
                .replace("{{customerNo}}", escaped(sms.customerNo()));
        HttpRequest.Builder builder = HttpRequest.newBuilder(config.url())
                .timeout(config.readTimeout())
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (Map.Entry<String, String> header : config.headers().entrySet()) {
            builder.header(header.getKey(), header.getValue());
        }
        return builder.build();
    }

    private String gatewayId(String body) {
        if (config.messageIdField() == null || body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode id = json.readTree(body).get(config.messageIdField());
            return id == null || id.isNull() ? null : abbreviate(id.asText());
        } catch (IOException e) {
            return null; // accepted is accepted; a receipt still finds the message by our id
        }
    }

    private static String escaped(String value) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(value));
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 100 ? text : text.substring(0, 100);
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsGatewayException("interrupted while waiting to retry an SMS", e);
        }
    }
}
