package io.supplyguard.reconnection;

import io.supplyguard.reconnection.ReconnectionRecords.SweepItem;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Publishes the sweep list to an enterprise-WeChat group robot:
 * {@code {"msgtype":"markdown","markdown":{"content":...}}}. A non-2xx answer or a robot
 * {@code errcode} other than 0 is an exception (job retries, then an incident).
 */
@Component
class ReportWebhook {

    /** The robot refuses markdown content over 4096 bytes. */
    static final int MAX_CONTENT_BYTES = 4000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ReconnectionProperties.Webhook config;
    private final RestClient client;

    ReportWebhook(ReconnectionProperties properties, RestClient.Builder builder) {
        this.config = properties.webhook();
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(config.connectTimeout());
        requests.setReadTimeout(config.readTimeout());
        this.client = builder.clone().requestFactory(requests).build();
    }

    /** @return false when no webhook is configured */
    boolean publish(List<SweepItem> items, OffsetDateTime at) {
        if (!config.configured()) {
            return false;
        }
        Map<String, Object> body = Map.of("msgtype", "markdown", "markdown", Map.of("content", markdown(items, at)));
        Map<?, ?> answer = client.post().uri(config.url()).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().body(Map.class);
        Object errcode = answer == null ? null : answer.get("errcode");
        if (errcode != null && !"0".equals(errcode.toString())) {
            throw new IllegalStateException("webhook refused the report: " + answer);
        }
        return true;
    }

    static String markdown(List<SweepItem> items, OffsetDateTime at) {
        StringBuilder md = new StringBuilder("### 停电无欠费客户清单\n")
                .append("> 核查时间：").append(at.format(TIME)).append("\n")
                .append("> 共 <font color=\"warning\">").append(items.size()).append("</font> 户，")
                .append("本次新发起复电 ").append(items.stream().filter(SweepItem::newlyStarted).count()).append(" 户\n");
        int shown = 0;
        for (SweepItem item : items) {
            String line = "- " + item.customerNo() + " " + item.name() + "（台区 " + item.district() + "，表号 " + item.meterNo() + "）\n";
            if (md.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                    + line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_CONTENT_BYTES - 100) {
                md.append("- ……其余 ").append(items.size() - shown).append(" 户见系统报表\n");
                break;
            }
            md.append(line);
            shown++;
        }
        md.append("\n完整清单：/api/reports/disconnected-without-arrears");
        return md.toString();
    }
}
