package io.supplyguard.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * The Chinese overrides of the webapps are what the running application serves over HTTP: a
 * complete {@code zh} locale per app (every key of the shipped English, placeholders and markup
 * kept, the end-of-life banner blanked), a config that makes Chinese the default, and a style
 * sheet that hides the banner bar. Same context configuration as the browser tests (one start).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class ChineseWebappsTest {

    private static final String WEBJAR = "META-INF/resources/webjars/camunda/app/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}|\\{}");
    private static final Pattern TAG = Pattern.compile("</?\\w+[^>]*>");
    /** Values that stay as they are in Chinese (operators, formats, file types, product names). */
    private static final Set<String> UNTRANSLATED = Set.of("", "<", "<=", ">", ">=", "ID", "ID*", "null", "CSV", "JSON",
            "Optimize", "YYYY-MM-DDTHH:mm:ss", "SupplyGuard", "。");

    @Autowired TestRestTemplate http;

    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void servesAChineseLocaleWithEveryKeyOfTheShippedEnglish(String app) throws IOException {
        ResponseEntity<byte[]> response = http.getForEntity("/camunda/app/" + app + "/locales/zh.json", byte[].class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode zh = json.readTree(response.getBody()).get("labels");
        JsonNode en = shippedEnglish(app).get("labels");

        assertThat(names(zh)).as(app + " zh.json keys").containsAll(names(en));
        assertThat(zh.get("BANNER_CE_EOL_TEXT").asText()).isEmpty();

        List<String> problems = new ArrayList<>();
        en.fields().forEachRemaining(entry -> {
            String key = entry.getKey();
            String english = entry.getValue().asText();
            String chinese = zh.get(key).asText();
            if (key.equals("BANNER_CE_EOL_TEXT")) {
                return;
            }
            if (!chinese.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                    && !UNTRANSLATED.contains(chinese)) {
                problems.add(key + ": not Chinese: " + chinese);
            }
            if (!all(PLACEHOLDER, english).equals(all(PLACEHOLDER, chinese))) {
                problems.add(key + ": placeholders differ: " + english + " / " + chinese);
            }
            if (!all(TAG, english).equals(all(TAG, chinese)) && !english.startsWith("<")) {
                problems.add(key + ": markup differs: " + english + " / " + chinese);
            }
        });
        assertThat(problems).as(app).isEmpty();
        if (zh.has("PAGE_LOGIN_SIGN_IN_ACTION")) {
            assertThat(zh.get("PAGE_LOGIN_SIGN_IN_ACTION").asText()).isEqualTo("登录");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void servesAConfigThatMakesChineseTheDefaultAndHidesTheEndOfLifeBanner(String app) {
        String config = http.getForObject("/camunda/app/" + app + "/scripts/config.js", String.class);
        assertThat(config).contains("import { webappConfig } from '../../supplyguard-webapps.js';").contains("webappConfig('");
        String shared = http.getForObject("/camunda/app/supplyguard-webapps.js", String.class);
        assertThat(shared)
                .contains("availableLocales: ['zh', 'en']")
                .contains("fallbackLocale: 'zh'")
                .contains("vendor: 'SupplyGuard'");

        String styles = http.getForObject("/camunda/app/" + app + "/styles/user-styles.css", String.class);
        assertThat(styles).contains(".ce-eol-banner").contains("display: none");
    }

    /** The English locale inside the camunda-webapp webjar (our classpath has no en.json of its own). */
    private JsonNode shippedEnglish(String app) throws IOException {
        try (InputStream in = new ClassPathResource(WEBJAR + app + "/locales/en.json").getInputStream()) {
            return json.readTree(in);
        }
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group().replace(" ", ""));
        }
        found.sort(null);
        return found;
    }
}
