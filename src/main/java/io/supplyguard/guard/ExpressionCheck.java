package io.supplyguard.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one text of a model may contain in its {@code ${...}} / {@code #{...}} expressions: beans of
 * the {@link ModelAllowList} only (switching beans only in their activities), and no way to the
 * engine or to reflection through {@code execution}, {@code task} or anything else.
 */
final class ExpressionCheck {

    private static final Pattern ENGINE_ACCESS = Pattern.compile(
            "\\b(processEngineServices|getProcessEngineServices|processEngine|getProcessEngine|processEngineConfiguration)\\b");
    private static final Pattern REFLECTION = Pattern.compile(
            "\\b(class|getClass|classLoader|getClassLoader|forName|newInstance|getRuntime|getBean|applicationContext)\\b");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge", "div", "mod",
            "empty", "true", "false", "null", "instanceof");

    private final Predicate<String> isBean;

    ExpressionCheck(Predicate<String> isBean) {
        this.isBean = isBean;
    }

    /** The reason the text is refused in activity {@code processId/activityId}; empty when it passes. */
    Optional<String> problem(String text, String processId, String activityId) {
        for (String expression : expressionsIn(text)) {
            // names inside quotes count too: execution['processEngineServices'] is the same door
            Matcher engine = ENGINE_ACCESS.matcher(expression);
            if (engine.find()) {
                return Optional.of("expression " + expression + " reaches the engine's services ('" + engine.group(1) + "')");
            }
            Matcher reflection = REFLECTION.matcher(expression);
            if (reflection.find()) {
                return Optional.of("expression " + expression + " uses reflection ('" + reflection.group(1) + "')");
            }
            String code = withoutStringLiterals(expression);
            if (code.contains("[")) {
                return Optional.of("expression " + expression + " uses bracket access (property names computed at run time)");
            }
            for (String bean : beansNamedIn(code)) {
                if (!ModelAllowList.PROCESS_BEANS.contains(bean)) {
                    return Optional.of("expression " + expression + " names bean '" + bean
                            + "', which is not in SupplyGuard's allow-list of process beans");
                }
                Set<String> accepted = ModelAllowList.SWITCHING_ACTIVITIES.get(bean);
                if (accepted != null && !accepted.contains(processId + "/" + activityId)) {
                    return Optional.of("switching delegate '" + bean + "' is used outside the activities the switching kernel "
                            + "accepts requests from " + accepted);
                }
            }
        }
        return Optional.empty();
    }

    /** Identifiers at the start of a name path (not after a dot, not a function call) that are Spring beans. */
    private List<String> beansNamedIn(String code) {
        List<String> beans = new ArrayList<>();
        Matcher identifier = IDENTIFIER.matcher(code);
        while (identifier.find()) {
            String name = identifier.group();
            if (!KEYWORDS.contains(name) && !afterDot(code, identifier.start()) && isBean.test(name)) {
                beans.add(name);
            }
        }
        return beans;
    }

    private static boolean afterDot(String code, int start) {
        int i = start - 1;
        while (i >= 0 && Character.isWhitespace(code.charAt(i))) {
            i--;
        }
        return i >= 0 && code.charAt(i) == '.';
    }

    static List<String> expressionsIn(String text) {
        List<String> expressions = new ArrayList<>();
        int from = 0;
        while (true) {
            int dollar = text.indexOf("${", from);
            int hash = text.indexOf("#{", from);
            int start = dollar < 0 ? hash : hash < 0 ? dollar : Math.min(dollar, hash);
            if (start < 0) {
                return expressions;
            }
            int end = closingBrace(text, start + 2);
            expressions.add(text.substring(start, end));
            from = end;
        }
    }

    private static int closingBrace(String text, int from) {
        int depth = 1;
        char quote = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i + 1;
            }
        }
        return text.length(); // unterminated: checked to its end
    }

    private static String withoutStringLiterals(String expression) {
        return expression.replaceAll("'(\\\\.|[^'\\\\])*'|\"(\\\\.|[^\"\\\\])*\"", "''");
    }
}
