package io.supplyguard.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** A process or decision added to {@code processes/} is released by a leader too: it is a core model. */
class CoreModelsTest {

    private static final Pattern DEFINITION = Pattern.compile("<(?:bpmn:process|decision)\\s[^>]*\\bid=\"([^\"]+)\"");

    @Test
    void everyProcessAndDecisionOfTheApplicationIsACoreModel() throws Exception {
        Set<String> ids = new TreeSet<>();
        for (var resource : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/**/*.{bpmn,dmn}")) {
            DEFINITION.matcher(resource.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).results()
                    .forEach(match -> ids.add(match.group(1)));
        }
        assertThat(ids).hasSizeGreaterThanOrEqualTo(9);
        assertThat(CoreModels.KEYS).containsAll(ids);
    }
}
