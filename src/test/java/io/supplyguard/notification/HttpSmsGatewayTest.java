package io.supplyguard.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP adapter against a local HTTP server: body template, headers, retries with backoff, 500, 4xx, timeout. */
class HttpSmsGatewayTest {

    final ObjectMapper json = new ObjectMapper();
    final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
    final List<String> apiKeys = new CopyOnWriteArrayList<>();
    final List<Long> arrivals = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();
    volatile int failureStatus = 500;
    volatile Duration delay = Duration.ZERO;
    HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/sms", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        arrivals.add(System.nanoTime());
        bodies.add(json.readTree(exchange.getRequestBody().readAllBytes()));
        apiKeys.add(exchange.getRequestHeaders().getFirst("X-Api-Key"));
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        boolean fail = failuresLeft.getAndDecrement() > 0;
        byte[] answer = (fail ? "{\"error\":\"busy\"}" : "{\"msgId\":\"GW-42\"}").getBytes(StandardCharsets.UTF_8);
        try {
            exchange.sendResponseHeaders(fail ? failureStatus : 200, answer.length);
            exchange.getResponseBody().write(answer);
        } catch (IOException clientGaveUp) {
            // the client timed out and closed the connection
        }
        exchange.close();
    }

    HttpSmsGateway gateway(int maxAttempts, Duration readTimeout) {
        SmsProperties.Http http = new SmsProperties.Http(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sms"),
                "{\"to\":\"{{phone}}\",\"text\":\"{{text}}\",\"ref\":\"{{messageId}}\",\"account\":\"{{customerNo}}\"}",
                Map.of("X-Api-Key", "secret-key"), Duration.ofSeconds(1), readTimeout, maxAttempts,
                Duration.ofMillis(50), 2.0, "msgId");
        return new HttpSmsGateway(new SmsProperties(SmsProperties.Gateway.HTTP, null, null, http), json);
    }

    OutgoingSms sms() {
        return new OutgoingSms("7d3f1a2e-0000-4000-8000-000000000001", "3200000001", "13812345678",
                SmsTemplate.ARREARS_REMINDER, "【国网供电】您已欠电费128.50元，请于\"11月30日\"前缴清。\n95598");
    }

    @Test
    void postsTheConfiguredBodyWithEscapedValuesAndHeadersAndReturnsTheGatewayId() {
        String gatewayId = gateway(3, Duration.ofSeconds(2)).send(sms());

        assertThat(gatewayId).isEqualTo("GW-42");
        assertThat(bodies).singleElement().satisfies(body -> {
            assertThat(body.get("to").asText()).isEqualTo("13812345678");
            assertThat(body.get("text").asText()).isEqualTo(sms().text());
            assertThat(body.get("ref").asText()).isEqualTo(sms().messageId());
            assertThat(body.get("account").asText()).isEqualTo("3200000001");
        });
        assertThat(apiKeys).containsExactly("secret-key");
    }

    @Test
    void a500IsRetriedWithGrowingBackoffUntilTheGatewayTakesIt() {
        failuresLeft.set(2);

        assertThat(gateway(3, Duration.ofSeconds(2)).send(sms())).isEqualTo("GW-42");

        assertThat(bodies).hasSize(3);
        long firstWait = arrivals.get(1) - arrivals.get(0);
        long secondWait = arrivals.get(2) - arrivals.get(1);
        assertThat(Duration.ofNanos(firstWait)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
        assertThat(Duration.ofNanos(secondWait)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    }

    @Test
    void a500OnEveryAttemptFailsAfterTheLastAttempt() {
        failuresLeft.set(100);

        assertThatThrownBy(() -> gateway(3, Duration.ofSeconds(2)).send(sms()))
                .isInstanceOf(SmsGatewayException.class)
                .hasMessageContaining("after 3 attempts").hasMessageContaining("HTTP 500");
        assertThat(bodies).hasSize(3);
    }

    @Test
    void aRefusalIsNotRetried() {
        failuresLeft.set(100);
        failureStatus = 400;

        assertThatThrownBy(() -> gateway(3, Duration.ofSeconds(2)).send(sms()))
                .isInstanceOf(SmsGatewayException.class).hasMessageContaining("HTTP 400");
        assertThat(bodies).hasSize(1);
    }

    @Test
    void aTimeoutIsRetriedAndThenFails() {
        delay = Duration.ofMillis(1500);

        assertThatThrownBy(() -> gateway(2, Duration.ofMillis(300)).send(sms()))
                .isInstanceOf(SmsGatewayException.class)
                .hasMessageContaining("after 2 attempts")
                .hasCauseInstanceOf(HttpTimeoutException.class);
        assertThat(bodies).hasSize(2);
    }

    @Test
    void anUnreachableGatewayFailsAfterItsAttempts() {
        HttpSmsGateway gateway = gateway(2, Duration.ofSeconds(1));
        server.stop(0);

        assertThatThrownBy(() -> gateway.send(sms())).isInstanceOf(SmsGatewayException.class)
                .hasMessageContaining("after 2 attempts");
    }
}
