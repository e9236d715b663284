package io.supplyguard.bench;

import io.supplyguard.SupplyGuardApplication;
import io.supplyguard.account.ArrearsEvaluationBenchmark;
import io.supplyguard.account.BenchmarkPayments;
import io.supplyguard.customer.CloseMode;
import io.supplyguard.customer.ContactRole;
import io.supplyguard.customer.ContactStatus;
import io.supplyguard.customer.CustomerRegistration;
import io.supplyguard.customer.CustomerRegistry;
import io.supplyguard.customer.RelayState;
import io.supplyguard.customer.UsageClass;
import io.supplyguard.infrastructure.PostgresTestDatabases;
import io.supplyguard.meter.MeterSimulation;
import io.supplyguard.meter.sim.SimulatedMeters;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The SupplyGuard benchmark: one program, one table (issue 9). For each database (H2 in memory,
 * PostgreSQL 15 from {@code .ci/postgres.sh}):
 * <ul>
 * <li>arrears evaluation, accounts/s over {@code --accounts} accounts ({@link ArrearsEvaluationBenchmark});</li>
 * <li>application start time (profile {@code test} + the overrides below, job executor on);</li>
 * <li>engine throughput: {@code --cycles} complete arrears-disconnection → payment → payment-reconnection
 *     cycles on simulated meters at zero latency, notice posting completed through TaskService;</li>
 * <li>payment burst: {@code --burst} payments for disconnected customers over 4 simulated buses with
 *     2400-baud wire-time emulation: payment → relay confirmed closed percentiles, makespan, makespan /
 *     wire-time lower bound;</li>
 * <li>heap after GC with {@code --waiting} process instances waiting at a timer.</li>
 * </ul>
 * <pre>mvn -B -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.supplyguard.bench.SupplyGuardBenchmark -Dexec.args="--db both"</pre>
 * Options: {@code --db h2|postgres|both} (default both), {@code --quick} (smoke sizes), {@code --accounts N},
 * {@code --cycles N}, {@code --burst N}, {@code --waiting N}, {@code --burst-db h2|postgres|both}.
 */
public final class SupplyGuardBenchmark {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final List<String> BUSES = List.of("bus-1", "bus-2", "bus-3", "bus-4");
    static final int BAUD = 2400;
    /**
     * Bytes on the wire for one remote close, the minimum a reconnection needs: meter-number read
     * (4 FE + 16 request, 22 reply), control 1CH close (4 FE + 28, 12 reply), status word 3 read-back
     * (4 FE + 16, 18 reply); replies without wake-up bytes.
     */
    static final int RECONNECTION_WIRE_BYTES = 20 + 22 + 32 + 12 + 20 + 18;

    private final Map<String, String> options;
    private final Map<String, Map<String, String>> table = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private static final AtomicInteger CUSTOMERS = new AtomicInteger((int) (System.nanoTime() % 1000) * 100_000);

    SupplyGuardBenchmark(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        int code = 0;
        try {
            new SupplyGuardBenchmark(options).run();
        } catch (Throwable e) {
            e.printStackTrace();
            code = 1;
        }
        System.exit(code);
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> o = new HashMap<>();
        boolean quick = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--quick")) {
                quick = true;
            } else if (a.startsWith("--")) {
                String[] kv = a.substring(2).split("=", 2);
                o.put(kv[0], kv.length == 2 ? kv[1] : args[++i]);
            } else {
                throw new IllegalArgumentException("unknown argument " + a);
            }
        }
        o.putIfAbsent("db", "both");
        o.putIfAbsent("accounts", quick ? "20000" : "1000000");
        o.putIfAbsent("cycles", quick ? "8" : "200");
        o.putIfAbsent("burst", quick ? "40" : "2000");
        o.putIfAbsent("waiting", quick ? "1000" : "100000");
        o.putIfAbsent("idle", quick ? "5" : "40");
        o.putIfAbsent("behind", quick ? "100" : "1000");
        // the burst runs ~10 minutes (wire time): once, on the production database, unless asked for both
        o.putIfAbsent("burst-db", o.get("db").equals("both") ? "postgres" : o.get("db"));
        return o;
    }

    int size(String key) {
        return Integer.parseInt(options.get(key).replace("_", "").replace(",", ""));
    }

    /** The databases of {@code --db h2|postgres|both}. */
    static List<String> databases(String option) {
        return switch (option) {
            case "h2" -> List.of("h2");
            case "postgres" -> List.of("postgres");
            case "both" -> List.of("h2", "postgres");
            default -> throw new IllegalArgumentException("--db h2|postgres|both");
        };
    }

    /** The application as the engine rows measure it: job executor on, no waits, the window always open, 4 simulated buses. */
    static Map<String, Object> engineProperties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", "0");
        properties.put("camunda.bpm.job-execution.enabled", "true");
        properties.put("supplyguard.disconnection.reminder-period", "PT0S");
        properties.put("supplyguard.disconnection.notice-day", "PT0S");
        properties.put("supplyguard.execution-window.opens-at", "00:00");
        properties.put("supplyguard.execution-window.closes-at", "23:59");
        properties.put("supplyguard.execution-window.working-days",
                "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY");
        properties.put("supplyguard.execution-window.observe-holiday-calendar", "false");
        for (int i = 0; i < BUSES.size(); i++) {
            properties.put("supplyguard.meter.buses[" + i + "].id", BUSES.get(i));
            properties.put("supplyguard.meter.buses[" + i + "].transport", "SIMULATED");
            properties.put("supplyguard.meter.buses[" + i + "].baud", String.valueOf(BAUD));
            properties.put("supplyguard.meter.buses[" + i + "].reply-timeout", "2s");
        }
        return properties;
    }

    void run() throws Exception {
        List<String> databases = databases(options.get("db"));
        for (String db : databases) {
            arrearsEvaluation(db);
            engine(db);
        }
        print(databases);
    }

    void put(String row, String db, String value) {
        table.computeIfAbsent(row, r -> new LinkedHashMap<>()).put(db, value);
        log("%s [%s]: %s", row, db, value);
    }

    static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "bench: " + format + "%n", args);
    }

    // ---------------------------------------------------------------- arrears evaluation

    void arrearsEvaluation(String db) throws Exception {
        int accounts = size("accounts");
        double rate;
        if (db.equals("h2")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:bench-arrears-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            rate = ArrearsEvaluationBenchmark.measure(h2, accounts, false, 3, m -> log("arrears h2: %s", m));
            try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
        } else {
            String server = env("SUPPLYGUARD_TEST_DB_URL", "jdbc:postgresql://localhost:5432/postgres");
            String user = env("SUPPLYGUARD_TEST_DB_USER", "supplyguard");
            String password = env("SUPPLYGUARD_TEST_DB_PASSWORD", "supplyguard");
            String database = "sgbench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            execute(server, user, password, "CREATE DATABASE " + database + " TEMPLATE template0 ENCODING 'UTF8'");
            try {
                String url = server.replaceFirst("/[^/?]*(\\?.*)?$", "/" + database + "$1");
                rate = ArrearsEvaluationBenchmark.measure(new DriverManagerDataSource(url, user, password), accounts, true, 3,
                        m -> log("arrears postgres: %s", m));
            } finally {
                execute(server, user, password, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
        put(String.format(Locale.ROOT, "arrears evaluation, accounts/s (%,d accounts, best of 3)", accounts), db,
                String.format(Locale.ROOT, "%,.0f", rate));
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    static void execute(String url, String user, String password, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    // ---------------------------------------------------------------- engine

    void engine(String db) throws Exception {
        Map<String, Object> properties = engineProperties();
        // the production read-back (test profile: 100 ms) and a queue for the whole burst
        properties.put("supplyguard.meter.confirm-timeout", "10s");
        properties.put("supplyguard.meter.confirm-poll-interval", "500ms");
        properties.put("supplyguard.meter.queue-capacity", "5000");
        if (db.equals("postgres")) {
            System.setProperty(PostgresTestDatabases.SWITCH, "postgres");
        }
        long start = System.nanoTime();
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(SupplyGuardApplication.class)
                    .profiles("test")
                    .initializers(ctx -> ctx.getEnvironment().getPropertySources()
                            // after PostgresTestDatabases (pool 5 for many cached test contexts): the production pool
                            .addFirst(new MapPropertySource("supplyguardBenchmark", withPool(properties, db))))
                    .run();
        } finally {
            System.clearProperty(PostgresTestDatabases.SWITCH);
        }
        double startSeconds = (System.nanoTime() - start) / 1e9;
        put("application start, s (Spring context, Flyway, engine, deployment)", db,
                String.format(Locale.ROOT, "%.1f", startSeconds));
        try {
            Engine engine = new Engine(context);
            cycles(db, engine);
            if (options.get("burst-db").equals("both") || options.get("burst-db").equals(db)) {
                burst(db, engine);
                idle(db, engine);
                behind(db, engine);
            }
            waiting(db, engine);
        } finally {
            String url = context.getEnvironment().getProperty("spring.datasource.url", "");
            context.close();
            if (url.startsWith("jdbc:h2:mem:")) {
                // an in-memory H2 database outlives its context (DB_CLOSE_DELAY=-1): free its heap for the next one
                try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN");
                }
            }
        }
    }

    static Map<String, Object> withPool(Map<String, Object> properties, String db) {
        Map<String, Object> p = new HashMap<>(properties);
        if (db.equals("postgres")) {
            p.put("spring.datasource.hikari.maximum-pool-size", "20");
            p.put("spring.datasource.hikari.minimum-idle", "5");
        }
        return p;
    }

    /** What the benchmark uses of the running application. */
    record Engine(ConfigurableApplicationContext context, CustomerRegistry registry, SimulatedMeters meters,
                  RuntimeService runtime, TaskService tasks, RepositoryService repository, JdbcClient jdbc,
                  BenchmarkPayments payments) {
        Engine(ConfigurableApplicationContext context) {
            this(context, context.getBean(CustomerRegistry.class), (SimulatedMeters) context.getBean(MeterSimulation.class),
                    context.getBean(RuntimeService.class), context.getBean(TaskService.class),
                    context.getBean(RepositoryService.class), context.getBean(JdbcClient.class), new BenchmarkPayments(context));
        }
    }

    record Customer(String customerNo, String meterNo, String busId) {
    }

    /** A residential customer with agreement and verified contact; meter on {@code busId}. */
    static Customer customer(Engine e, String busId, boolean relayOpen, String arrears) {
        int n = CUSTOMERS.incrementAndGet();
        String customerNo = String.format("39%08d", n % 100_000_000);
        String meterNo = String.format("6%011d", n);
        OffsetDateTime now = OffsetDateTime.now(SHANGHAI);
        e.registry().register(new CustomerRegistration(customerNo, "基准客户" + n, "基准路 " + n + " 号",
                UsageClass.RESIDENTIAL, null, "TQ-B" + (n % 4), LocalDate.of(2024, 3, 1), null, false, null, null,
                List.of(new CustomerRegistration.Contact("13800138000", ContactRole.OWNER, ContactStatus.VALID,
                        now.minusDays(1), "COUNTER")),
                new CustomerRegistration.Meter(meterNo, meterNo, busId, null, null, null, CloseMode.DIRECT_CLOSE,
                        relayOpen ? RelayState.OPEN : RelayState.CLOSED),
                new CustomerRegistration.Account(BigDecimal.ZERO, new BigDecimal(arrears),
                        new BigDecimal(arrears).signum() > 0 ? LocalDate.now(SHANGHAI).minusDays(60) : null)));
        e.meters().install(busId, meterNo, meterNo, relayOpen);
        return new Customer(customerNo, meterNo, busId);
    }

    // ---------------------------------------------------------------- engine throughput

    void cycles(String db, Engine e) throws Exception {
        int n = size("cycles");
        BUSES.forEach(b -> e.meters().bus(b).setWireBaud(0));
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            customers.add(customer(e, BUSES.get(i % BUSES.size()), false, "235.50"));
        }
        Map<String, Customer> byNo = new HashMap<>();
        customers.forEach(c -> byNo.put(c.customerNo(), c));
        Set<String> paid = new HashSet<>();
        Set<String> done = new HashSet<>();
        long start = System.nanoTime();
        for (Customer c : customers) {
            e.runtime().startProcessInstanceByKey("arrears-disconnection", c.customerNo(),
                    Map.of("customerNo", c.customerNo(), "trigger", "BENCHMARK"));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(120, n * 3L));
        while (done.size() < n) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("engine throughput: " + done.size() + " of " + n + " cycles after the time limit;"
                        + " paid " + paid.size());
            }
            boolean progress = false;
            // the district manager records the posted notice
            for (Task task : e.tasks().createTaskQuery().processDefinitionKey("arrears-disconnection")
                    .taskDefinitionKey("Task_RecordNoticePosting").listPage(0, 200)) {
                // posted now, in the engine clock's millisecond steps (a finer "now" may be ahead of it)
                io.supplyguard.disconnection.DisconnectionFixture.completeAsCandidate(
                        e.context().getBean(org.camunda.bpm.engine.IdentityService.class), e.tasks(), task.getId(), Map.of("noticePostedAt",
                        OffsetDateTime.now(SHANGHAI).truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString(),
                        "noticePlace", "单元楼门口", "noticeEvidenceRef", "IMG-BENCH"));
                progress = true;
            }
            // disconnection ended with the relay open: the customer pays
            for (String customerNo : e.jdbc().sql("""
                    SELECT BUSINESS_KEY_ FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = 'arrears-disconnection'
                    AND END_TIME_ IS NOT NULL""").query(String.class).list()) {
                Customer c = byNo.get(customerNo);
                if (c != null && !paid.contains(customerNo) && e.meters().status(c.busId(), c.meterNo()).relayOpen()) {
                    e.payments().pay("BENCH-" + UUID.randomUUID(), customerNo, new BigDecimal("235.50"),
                            OffsetDateTime.now(SHANGHAI));
                    paid.add(customerNo);
                    progress = true;
                } else if (c != null && !paid.contains(customerNo)) {
                    throw new IllegalStateException("disconnection of " + customerNo + " ended without a cut");
                }
            }
            // payment-reconnection ended with the relay confirmed closed
            for (String customerNo : e.jdbc().sql("""
                    SELECT customer_no FROM reconnection WHERE kind = 'PAYMENT' AND restored_at IS NOT NULL
                    AND ended_at IS NOT NULL""").query(String.class).list()) {
                Customer c = byNo.get(customerNo);
                if (c != null && !done.contains(customerNo) && !e.meters().status(c.busId(), c.meterNo()).relayOpen()) {
                    done.add(customerNo);
                }
            }
            if (!progress) {
                Thread.sleep(20);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        put(String.format(Locale.ROOT, "engine: disconnection → payment → reconnection cycles/s (%d cycles, zero latency)", n),
                db, String.format(Locale.ROOT, "%.1f (%.1f s)", n / seconds, seconds));
    }

    // ---------------------------------------------------------------- payment burst

    void burst(String db, Engine e) throws Exception {
        int n = size("burst");
        List<Customer> customers = new ArrayList<>();
        Map<String, Integer> perBus = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String bus = BUSES.get(i % BUSES.size());
            customers.add(customer(e, bus, true, "88.00"));
            perBus.merge(bus, 1, Integer::sum);
        }
        BUSES.forEach(b -> e.meters().bus(b).setWireBaud(BAUD));
        List<String> customerNos = customers.stream().map(Customer::customerNo).toList();
        OffsetDateTime first = OffsetDateTime.now(SHANGHAI);
        long start = System.nanoTime();
        ExecutorService counter = Executors.newFixedThreadPool(2);
        for (Customer c : customers) {
            counter.submit(() -> e.payments().pay("BENCH-" + UUID.randomUUID(), c.customerNo(), new BigDecimal("88.00"),
                    OffsetDateTime.now(SHANGHAI)));
        }
        counter.shutdown();
        counter.awaitTermination(10, TimeUnit.MINUTES);
        double booking = (System.nanoTime() - start) / 1e9;
        int busiest = perBus.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        double bound = busiest * (double) RECONNECTION_WIRE_BYTES * 11 / BAUD;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos((long) (bound * 4 + 120));
        List<Double> delays = new ArrayList<>();
        OffsetDateTime last = first;
        while (true) {
            delays.clear();
            last = first;
            int restored = 0;
            for (Map<String, Object> row : e.jdbc().sql("""
                    SELECT customer_no, paid_at, restored_at FROM reconnection WHERE restored_at IS NOT NULL
                    AND paid_at >= ?""").param(first.minusSeconds(1)).query().listOfRows()) {
                if (!customerNos.contains((String) row.get("customer_no"))) {
                    continue;
                }
                OffsetDateTime paidAt = toOffset(row.get("paid_at"));
                OffsetDateTime restoredAt = toOffset(row.get("restored_at"));
                delays.add(java.time.Duration.between(paidAt, restoredAt).toMillis() / 1000.0);
                if (restoredAt.isAfter(last)) {
                    last = restoredAt;
                }
                restored++;
            }
            if (restored >= n) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("burst: " + restored + " of " + n + " restored after the time limit");
            }
            Thread.sleep(500);
        }
        BUSES.forEach(b -> e.meters().bus(b).setWireBaud(0));
        delays.sort(Double::compare);
        double makespan = java.time.Duration.between(first, last).toMillis() / 1000.0;
        String row = String.format(Locale.ROOT, "payment burst: %,d payments, 4 buses × %d baud, wire time emulated", n, BAUD);
        put(row + " — payment → relay confirmed closed p50 / p95 / p99, s", db, String.format(Locale.ROOT, "%.1f / %.1f / %.1f",
                percentile(delays, 50), percentile(delays, 95), percentile(delays, 99)));
        put(row + " — makespan, s", db, String.format(Locale.ROOT, "%.1f (payments booked in %.1f s)", makespan, booking));
        put(String.format(Locale.ROOT, "payment burst — makespan / wire-time lower bound (%d reconnections on the busiest bus × %d bytes × 11 / %d = %.1f s)",
                busiest, RECONNECTION_WIRE_BYTES, BAUD, bound), db, String.format(Locale.ROOT, "%.2f", makespan / bound));
    }

    /**
     * Idle bus (issue 16): one payment at a time on a bus with nothing else queued, wire time
     * emulated at 2400 baud and the production read-back: payment → relay confirmed closed.
     */
    void idle(String db, Engine e) throws Exception {
        int n = size("idle");
        String bus = BUSES.get(0);
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            customers.add(customer(e, bus, true, "88.00"));
        }
        e.meters().bus(bus).setWireBaud(BAUD);
        List<Double> delays = new ArrayList<>();
        try {
            for (Customer c : customers) {
                e.payments().pay("IDLE-" + UUID.randomUUID(), c.customerNo(), new BigDecimal("88.00"), OffsetDateTime.now(SHANGHAI));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                List<Map<String, Object>> row;
                while ((row = e.jdbc().sql("SELECT paid_at, restored_at FROM reconnection WHERE customer_no = ? AND restored_at IS NOT NULL")
                        .param(c.customerNo()).query().listOfRows()).isEmpty()) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("idle bus: " + c.customerNo() + " not restored within 60 s");
                    }
                    Thread.sleep(20);
                }
                delays.add(java.time.Duration.between(toOffset(row.get(0).get("paid_at")), toOffset(row.get(0).get("restored_at")))
                        .toMillis() / 1000.0);
            }
        } finally {
            e.meters().bus(bus).setWireBaud(0);
        }
        delays.sort(Double::compare);
        put(String.format(Locale.ROOT, "idle bus: %d payments one at a time, %d baud, wire time emulated — payment → relay confirmed "
                + "closed p50 / p99, s", n, BAUD), db, String.format(Locale.ROOT, "%.2f / %.2f", percentile(delays, 50),
                percentile(delays, 99)));
    }

    // ---------------------------------------------------------------- a reconnection behind queued cuts

    /**
     * {@code --behind N} disconnections reach their trips on one bus at 2400 baud (wire time
     * emulated), faster than the bus can cut; when the queue of trips stops growing, a customer on
     * that bus who is cut pays. Measured: from the close command's entry into the queue to its first
     * frame on the wire, and how many frames of other meters the bus carried in between (issue 16:
     * it starts within one transaction time, i.e. after at most the frame already on the line).
     */
    void behind(String db, Engine e) throws Exception {
        int n = size("behind");
        String bus = BUSES.get(0);
        List<Customer> cuts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cuts.add(customer(e, bus, false, "235.50"));
        }
        Customer payer = customer(e, bus, true, "88.00");
        e.meters().bus(bus).setWireBaud(BAUD);
        try {
            for (Customer c : cuts) {
                e.runtime().startProcessInstanceByKey("arrears-disconnection", c.customerNo(),
                        Map.of("customerNo", c.customerNo(), "trigger", "BENCHMARK"));
            }
            int posted = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(300, n));
            while (posted < n && System.nanoTime() < deadline) {
                List<Task> notices = e.tasks().createTaskQuery().processDefinitionKey("arrears-disconnection")
                        .taskDefinitionKey("Task_RecordNoticePosting").listPage(0, 200);
                for (Task task : notices) {
                    io.supplyguard.disconnection.DisconnectionFixture.completeAsCandidate(
                            e.context().getBean(org.camunda.bpm.engine.IdentityService.class), e.tasks(), task.getId(), Map.of(
                                    "noticePostedAt", OffsetDateTime.now(SHANGHAI).truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString(),
                                    "noticePlace", "单元楼门口", "noticeEvidenceRef", "IMG-BENCH"));
                    posted++;
                }
                if (notices.isEmpty()) {
                    Thread.sleep(50);
                }
            }
            // the queue of trips grows while the engine brings disconnections to their trips faster than the bus cuts
            long queued = queuedTrips(e, bus);
            for (long previous = -1; queued > previous; ) {
                previous = queued;
                Thread.sleep(2000);
                queued = queuedTrips(e, bus);
            }
            e.payments().pay("BEHIND-" + UUID.randomUUID(), payer.customerNo(), new BigDecimal("88.00"), OffsetDateTime.now(SHANGHAI));
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            List<Map<String, Object>> close;
            while ((close = e.jdbc().sql("""
                    SELECT c.submitted_at FROM switching_command c WHERE c.bus_id = ? AND c.command IN ('DIRECT_CLOSE', 'CLOSE_ALLOWED')
                    ORDER BY c.id FETCH FIRST 1 ROWS ONLY""").param(bus).query().listOfRows()).isEmpty()
                    || firstFrameTo(e, bus, payer.meterNo(), toOffset(close.get(0).get("submitted_at")).toInstant()) == null) {
                if (System.nanoTime() > until) {
                    throw new IllegalStateException("behind " + queued + " trips: the reconnection's first frame did not come within 60 s");
                }
                Thread.sleep(5);
            }
            java.time.Instant submitted = toOffset(close.get(0).get("submitted_at")).toInstant();
            java.time.Instant first = firstFrameTo(e, bus, payer.meterNo(), submitted);
            long between = e.meters().framesReceived(bus).stream()
                    .filter(f -> f.receivedAt().isAfter(submitted) && f.receivedAt().isBefore(first)).count();
            put(String.format(Locale.ROOT, "reconnection behind queued cuts on its bus (%d disconnections, %d baud, wire time emulated) —"
                    + " trips queued when it came / queue → its first frame, ms / frames of other meters in between", n, BAUD), db,
                    String.format(Locale.ROOT, "%d / %d / %d", queued, java.time.Duration.between(submitted, first).toMillis(), between));
        } finally {
            e.meters().bus(bus).setWireBaud(0);
        }
    }

    private static long queuedTrips(Engine e, String bus) {
        return e.jdbc().sql("SELECT COUNT(*) FROM switching_command WHERE bus_id = ? AND command = 'TRIP' AND state = 'QUEUED'")
                .param(bus).query(Long.class).single();
    }

    private static java.time.Instant firstFrameTo(Engine e, String bus, String address, java.time.Instant after) {
        return e.meters().framesReceived(bus).stream().filter(f -> f.address().equals(address) && !f.receivedAt().isBefore(after))
                .map(io.supplyguard.meter.MeterSimulation.ReceivedFrame::receivedAt).min(java.time.Instant::compareTo).orElse(null);
    }

    static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atZone(SHANGHAI).toOffsetDateTime();
        }
        if (value instanceof java.time.Instant i) {
            return i.atZone(SHANGHAI).toOffsetDateTime();
        }
        throw new IllegalStateException("timestamp of type " + value.getClass());
    }

    static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    // ---------------------------------------------------------------- heap with waiting instances

    void waiting(String db, Engine e) throws Exception {
        int n = size("waiting");
        BpmnModelInstance model = Bpmn.createExecutableProcess("benchmark-waiting")
                .camundaHistoryTimeToLive(1)
                .startEvent("Event_Start")
                .intermediateCatchEvent("Event_ReminderPeriodElapsed").timerWithDuration("P3D")
                .endEvent("Event_End")
                .done();
        e.repository().createDeployment().name("benchmark-waiting").addModelInstance("benchmark-waiting.bpmn", model).deploy();
        long baseline = heapAfterGc();
        long start = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        ExecutorService starters = Executors.newFixedThreadPool(2);
        for (int t = 0; t < 2; t++) {
            starters.submit(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    String customerNo = String.format("38%08d", i);
                    e.runtime().startProcessInstanceByKey("benchmark-waiting", customerNo,
                            Map.of("customerNo", customerNo, "trigger", "BENCHMARK", "arrears", 235.5));
                }
            });
        }
        starters.shutdown();
        starters.awaitTermination(1, TimeUnit.HOURS);
        double seconds = (System.nanoTime() - start) / 1e9;
        long count = e.runtime().createProcessInstanceQuery().processDefinitionKey("benchmark-waiting").count();
        long heap = heapAfterGc();
        put(String.format(Locale.ROOT, "heap after GC, MiB, with %,d instances waiting at a P3D timer (growth over the heap before them; started at /s)",
                count), db, String.format(Locale.ROOT, "%.0f (+%.0f; %,.0f/s)", heap / 1048576.0, (heap - baseline) / 1048576.0,
                count / seconds));
    }

    static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    // ---------------------------------------------------------------- table

    void print(List<String> databases) {
        StringBuilder out = new StringBuilder();
        out.append("\n| measurement |");
        databases.forEach(d -> out.append(' ').append(d.equals("h2") ? "H2 (in memory)" : "PostgreSQL 15").append(" |"));
        out.append("\n|---|");
        databases.forEach(d -> out.append("---|"));
        for (Map.Entry<String, Map<String, String>> row : table.entrySet()) {
            out.append("\n| ").append(row.getKey()).append(" |");
            databases.forEach(d -> out.append(' ').append(row.getValue().getOrDefault(d, "—")).append(" |"));
        }
        Runtime rt = Runtime.getRuntime();
        out.append(String.format(Locale.ROOT, "%n%nmachine: %d CPUs, max heap %d MiB, Java %s (%s), %s %s; load average at the end %.2f%n",
                rt.availableProcessors(), rt.maxMemory() / 1048576, System.getProperty("java.version"),
                System.getProperty("java.vm.name"), System.getProperty("os.name"), System.getProperty("os.arch"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        notes.forEach(n -> out.append(n).append('\n'));
        System.out.println(out);
    }
}
