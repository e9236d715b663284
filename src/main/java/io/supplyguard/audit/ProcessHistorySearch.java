package io.supplyguard.audit;

import io.supplyguard.customer.CustomerRegistry;
import io.supplyguard.identity.DistrictScope;
import io.supplyguard.infrastructure.web.FieldError;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Service;

/**
 * Finished and running instances of SupplyGuard's processes, searched by customer number, process,
 * outcome, district and start date, newest first, a page at a time. Every query is the engine's
 * own history query run as the logged-in user, so Camunda's authorization checks decide which
 * instances exist for the caller (a district manager finds only instances of his districts, an
 * auditor all); without an authenticated user nothing is read (the engine would skip its checks).
 *
 * <p>Districts are the registry's: a district filter, and the districts a district manager or field
 * crew is limited to ({@link DistrictScope}), become the customer numbers registered there, so the
 * engine's query starts from an indexed business-key list instead of joining variables and
 * authorizations over the whole history (issue 17: 2 s with 100,000 finished instances). The
 * narrowing only shortens the engine's work: what may be read is still the engine's decision.
 */
@Service
public class ProcessHistorySearch {

    /** SupplyGuard's processes (the search never lists anything else deployed on the engine). */
    public static final List<String> PROCESSES = List.of("arrears-disconnection", "important-customer-disconnection",
            "payment-reconnection", "emergency-reconnection", "reconnection-sweep", "contact-verification");

    /** The recorded outcomes of a disconnection (variable {@code outcome}). */
    public static final List<String> OUTCOMES = List.of("NOT_UNDER_FEE_CONTROL", "NOT_ELIGIBLE", "PAID", "PROTECTED",
            "PAID_BEFORE_CUT", "VERIFICATION_FAILED", "DISCONNECTED", "FIELD_CUT_NOT_DONE", "TERMINATED_BY_APPROVAL",
            "EMERGENCY_RECONNECTION");

    public static final int MAX_PAGE_SIZE = 100;
    static final String OUTCOME_PROCESS = "arrears-disconnection";
    static final String OUTCOME = "outcome";
    static final String DISTRICT = "district";
    private static final Pattern CUSTOMER_NO = Pattern.compile("\\d{10}");
    private static final Pattern DISTRICT_NAME = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final long MAX_FIRST_RESULT = 1_000_000;

    /** Search criteria as the page sends them; every one optional except the page. {@code from}/{@code to}: start days, both included. */
    public record Criteria(String customerNo, String process, String outcome, String district, LocalDate from, LocalDate to,
                           int page, int pageSize) {
    }

    public record Row(String id, String processDefinitionKey, String processDefinitionName, String customerNo, String district,
                      String state, OffsetDateTime startTime, OffsetDateTime endTime, String outcome) {
    }

    /** One page; {@code page} counts from 1. */
    public record Page(int page, int pageSize, long total, List<Row> rows) {
    }

    /** Criteria the search cannot run with, each naming its field. */
    public static class InvalidCriteriaException extends RuntimeException {
        private final List<FieldError> errors;

        InvalidCriteriaException(List<FieldError> errors) {
            super("invalid search: " + errors);
            this.errors = List.copyOf(errors);
        }

        public List<FieldError> errors() {
            return errors;
        }
    }

    /** Beyond this many customers a district filter is the instance variable {@code district} instead of a key list. */
    static final int MAX_KEYS = 10_000;

    private final HistoryService history;
    private final IdentityService identity;
    private final CustomerRegistry registry;
    private final Clock clock;
    private final CustomQueryPlans plans;

    ProcessHistorySearch(HistoryService history, IdentityService identity, CustomerRegistry registry, Clock clock,
                         CustomQueryPlans plans) {
        this.history = history;
        this.identity = identity;
        this.registry = registry;
        this.clock = clock;
        this.plans = plans;
    }

    public Page search(Criteria criteria) {
        if (identity.getCurrentAuthentication() == null || identity.getCurrentAuthentication().getUserId() == null) {
            throw new IllegalStateException("the history is searched only on behalf of a logged-in user");
        }
        List<FieldError> errors = problems(criteria);
        if (!errors.isEmpty()) {
            throw new InvalidCriteriaException(errors);
        }
        Optional<HistoricProcessInstanceQuery> narrowed = query(criteria, identity.getCurrentAuthentication().getGroupIds());
        if (narrowed.isEmpty()) {
            return new Page(criteria.page(), criteria.pageSize(), 0, List.of());
        }
        return plans.run(() -> page(narrowed.get(), criteria));
    }

    private Page page(HistoricProcessInstanceQuery query, Criteria criteria) {
        long total = query.count();
        int first = (criteria.page() - 1) * criteria.pageSize();
        List<HistoricProcessInstance> instances = total <= first ? List.of()
                : query.orderByProcessInstanceStartTime().desc().orderByProcessInstanceId().desc()
                        .listPage(first, criteria.pageSize());
        Map<String, Map<String, Object>> variables = variablesOf(instances);
        List<Row> rows = instances.stream().map(p -> {
            Map<String, Object> v = variables.getOrDefault(p.getId(), Map.of());
            return new Row(p.getId(), p.getProcessDefinitionKey(), p.getProcessDefinitionName(), p.getBusinessKey(),
                    string(v.get(DISTRICT)), p.getState(), time(p.getStartTime()), time(p.getEndTime()), string(v.get(OUTCOME)));
        }).toList();
        return new Page(criteria.page(), criteria.pageSize(), total, rows);
    }

    /** Empty when nothing can match (no customer in the districts). */
    private Optional<HistoricProcessInstanceQuery> query(Criteria c, List<String> groups) {
        HistoricProcessInstanceQuery query = history.createHistoricProcessInstanceQuery();
        if (!narrowToDistricts(query, c, groups == null ? List.of() : groups)) {
            return Optional.empty();
        }
        if (!blank(c.outcome())) {
            // only an arrears disconnection records an outcome: the variable join starts from its instances alone
            if (!blank(c.process()) && !c.process().equals(OUTCOME_PROCESS)) {
                return Optional.empty();
            }
            query.processDefinitionKey(OUTCOME_PROCESS);
        } else if (blank(c.process())) {
            query.processDefinitionKeyIn(PROCESSES.toArray(String[]::new));
        } else {
            query.processDefinitionKey(c.process());
        }
        if (!blank(c.customerNo())) {
            query.processInstanceBusinessKey(c.customerNo());
        }
        if (!blank(c.outcome())) {
            query.variableValueEquals(OUTCOME, c.outcome());
        }
        if (c.from() != null) {
            query.startedAfter(Date.from(c.from().atStartOfDay(clock.getZone()).toInstant()));
        }
        if (c.to() != null) {
            // startedBefore is inclusive: the last millisecond of the day
            query.startedBefore(Date.from(c.to().plusDays(1).atStartOfDay(clock.getZone()).toInstant().minusMillis(1)));
        }
        return Optional.of(query);
    }

    /**
     * The district filter and the caller's district scope as the registry's customer numbers of those
     * districts; false when nothing can match.
     */
    private boolean narrowToDistricts(HistoricProcessInstanceQuery query, Criteria c, List<String> groups) {
        Set<String> districts = new TreeSet<>();
        if (!blank(c.district())) {
            districts.add(c.district());
        }
        Optional<Set<String>> scope = DistrictScope.districtsOf(groups);
        if (scope.isPresent()) {
            if (districts.isEmpty()) {
                districts.addAll(scope.get());
            } else {
                districts.retainAll(scope.get());
                if (districts.isEmpty()) {
                    return false;
                }
            }
        }
        if (!districts.isEmpty()) {
            List<String> customers = registry.customerNumbersIn(districts);
            if (!blank(c.customerNo())) {
                if (!customers.contains(c.customerNo())) {
                    return false;
                }
            } else if (customers.isEmpty()) {
                return false;
            } else if (customers.size() <= MAX_KEYS) {
                query.processInstanceBusinessKeyIn(customers.toArray(String[]::new));
            } else if (!blank(c.district())) {
                query.variableValueEquals(DISTRICT, c.district());
            }
        }
        return true;
    }

    /** {@code outcome} and {@code district} of the page's instances, in one query (authorized as well). */
    private Map<String, Map<String, Object>> variablesOf(List<HistoricProcessInstance> instances) {
        Map<String, Map<String, Object>> byInstance = new HashMap<>();
        if (instances.isEmpty()) {
            return byInstance;
        }
        for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
                .variableNameIn(OUTCOME, DISTRICT).disableBinaryFetching().disableCustomObjectDeserialization().list()) {
            // process-level variables only: a local variable of the same name in a sub-scope is not the instance's
            if (variable.getActivityInstanceId() == null || variable.getActivityInstanceId().equals(variable.getProcessInstanceId())) {
                byInstance.computeIfAbsent(variable.getProcessInstanceId(), k -> new HashMap<>())
                        .put(variable.getName(), variable.getValue());
            }
        }
        return byInstance;
    }

    /** What is wrong with the criteria, each naming its field; empty when the search can run. */
    public static List<FieldError> problems(Criteria c) {
        List<FieldError> errors = new ArrayList<>();
        if (!blank(c.customerNo()) && !CUSTOMER_NO.matcher(c.customerNo()).matches()) {
            errors.add(new FieldError("customerNo", "Pattern", "10 digits"));
        }
        if (!blank(c.process()) && !PROCESSES.contains(c.process())) {
            errors.add(new FieldError("process", "OneOf", "one of " + PROCESSES));
        }
        if (!blank(c.outcome()) && !OUTCOMES.contains(c.outcome())) {
            errors.add(new FieldError("outcome", "OneOf", "one of " + OUTCOMES));
        }
        if (!blank(c.district()) && !DISTRICT_NAME.matcher(c.district()).matches()) {
            errors.add(new FieldError("district", "Pattern", "letters, digits, '-' or '_', at most 40"));
        }
        if (c.from() != null && c.to() != null && c.from().isAfter(c.to())) {
            errors.add(new FieldError("from", "Order", "must not be after to"));
        }
        if (c.page() < 1) {
            errors.add(new FieldError("page", "Min", "at least 1"));
        }
        if (c.pageSize() < 1 || c.pageSize() > MAX_PAGE_SIZE) {
            errors.add(new FieldError("pageSize", "Range", "1 to " + MAX_PAGE_SIZE));
        }
        if (errors.isEmpty() && (long) (c.page() - 1) * c.pageSize() > MAX_FIRST_RESULT) {
            errors.add(new FieldError("page", "Max", "at most " + MAX_FIRST_RESULT + " rows are skipped; narrow the search"));
        }
        return errors;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    private OffsetDateTime time(Date date) {
        return date == null ? null : date.toInstant().atZone(clock.getZone()).toOffsetDateTime();
    }
}
