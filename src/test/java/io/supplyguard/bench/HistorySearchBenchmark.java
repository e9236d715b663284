package io.supplyguard.bench;

import io.supplyguard.SupplyGuardApplication;
import io.supplyguard.audit.ProcessHistorySearch;
import io.supplyguard.audit.ProcessHistorySearch.Criteria;
import io.supplyguard.infrastructure.PostgresTestDatabases;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * How fast {@code #/supplyguard/history} answers with a real history (issue 17): 100,000 finished
 * instances in the database, then the plugin's search as an auditor and as a district manager.
 *
 * <p>The history is the engine's own: the application runs real cut-and-restore cycles
 * ({@code arrears-disconnection} → payment → {@code payment-reconnection}, the notice task worked by a
 * district manager) and starts without arrears that end {@code NOT_ELIGIBLE}; these finished
 * instances are the templates. Every row the engine wrote for them — all {@code ACT_HI_*} tables,
 * their byte arrays and the per-instance read grants in {@code ACT_RU_AUTHORIZATION} — is then copied
 * in bulk with fresh ids, another customer number (25,000 customers) and district (40 districts),
 * and times moved back over a year, until there are {@code --instances} finished instances. Running
 * the engine 100,000 times would take hours here (≈ 20 cycles/s); copying gives the same tables,
 * row counts per instance, value shapes and authorization rows the engine writes, in minutes.
 *
 * <pre>mvn -B -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.supplyguard.bench.HistorySearchBenchmark -Dexec.args="--db both"</pre>
 * Options: {@code --db h2|postgres|both} (default both), {@code --instances N} (100,000),
 * {@code --templates N} cycles (20; plus half as many NOT_ELIGIBLE starts), {@code --runs N} (5),
 * {@code --keep NAME} (PostgreSQL: seed the database NAME once and keep it; later runs measure it again),
 * {@code --tables search|all}: by default only the tables the search reads are copied (instances,
 * variables, authorizations; about a third of the rows), {@code all} copies every history table.
 * H2 runs in memory (the test profile's database; the copy of 100,000 histories would take most of an
 * hour into a file database on this machine), PostgreSQL on a fresh database.
 */
public final class HistorySearchBenchmark {

    static final int CUSTOMERS = 25_000;
    static final int DISTRICTS = 40;
    static final Duration SPREAD = Duration.ofDays(365);
    private static final Pattern UUID_PATTERN = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** What the history search reads: the instances, their variables, the definitions and the authorizations. */
    static final Set<String> SEARCHED_TABLES = Set.of("ACT_HI_PROCINST", "ACT_HI_VARINST", "ACT_GE_BYTEARRAY", "ACT_RU_AUTHORIZATION");

    private final Map<String, String> options;
    private final Map<String, Map<String, String>> table = new LinkedHashMap<>();

    HistorySearchBenchmark(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unknown argument " + args[i]);
            }
            String[] kv = args[i].substring(2).split("=", 2);
            o.put(kv[0], kv.length == 2 ? kv[1] : args[++i]);
        }
        o.putIfAbsent("db", "both");
        o.putIfAbsent("instances", "100000");
        o.putIfAbsent("templates", "20");
        o.putIfAbsent("runs", "5");
        o.putIfAbsent("tables", "search");
        int code = 0;
        try {
            new HistorySearchBenchmark(o).run();
        } catch (Throwable e) {
            e.printStackTrace();
            code = 1;
        }
        System.exit(code);
    }

    int size(String key) {
        return Integer.parseInt(options.get(key).replace("_", "").replace(",", ""));
    }

    void run() throws Exception {
        List<String> databases = SupplyGuardBenchmark.databases(options.get("db"));
        for (String db : databases) {
            measure(db);
        }
        System.out.println();
        System.out.println("| history search (" + String.format(Locale.ROOT, "%,d", size("instances"))
                + " finished instances), ms: first run, median / max of " + size("runs") + " | " + String.join(" | ", databases) + " |");
        System.out.println("|---|" + "---|".repeat(databases.size()));
        table.forEach((row, values) -> System.out.println("| " + row + " | "
                + String.join(" | ", databases.stream().map(d -> values.getOrDefault(d, "—")).toList()) + " |"));
    }

    void put(String row, String db, String value) {
        table.computeIfAbsent(row, r -> new LinkedHashMap<>()).put(db, value);
        SupplyGuardBenchmark.log("%s [%s]: %s", row, db, value);
    }

    void measure(String db) throws Exception {
        Map<String, Object> properties = SupplyGuardBenchmark.engineProperties();
        String kept = db.equals("postgres") ? options.get("keep") : null;
        if (kept != null) {
            // a database of its own name that outlives the run: seeded once, measured again after a change
            properties.putAll(keptDatabase(kept));
        } else if (db.equals("postgres")) {
            System.setProperty(PostgresTestDatabases.SWITCH, "postgres");
        }
        if (db.equals("postgres")) {
            properties.put("spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", "true");
        }
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(SupplyGuardApplication.class).profiles("test")
                    .initializers(ctx -> ctx.getEnvironment().getPropertySources()
                            .addFirst(new MapPropertySource("historyBenchmark", SupplyGuardBenchmark.withPool(properties, db))))
                    .run();
        } finally {
            System.clearProperty(PostgresTestDatabases.SWITCH);
        }
        try {
            SupplyGuardBenchmark.Engine engine = new SupplyGuardBenchmark.Engine(context);
            long finished = engine.jdbc().sql("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE END_TIME_ IS NOT NULL").query(Long.class).single();
            if (kept != null && finished >= size("instances")) {
                SupplyGuardBenchmark.log("database %s kept from an earlier run: %,d finished instances, not seeded again", kept, finished);
            } else {
                templates(engine);
                long start = System.nanoTime();
                Seeded seeded = seed(context.getBean(DataSource.class), size("instances"), db);
                put("seeding: instances copied / rows written / s", db, String.format(Locale.ROOT, "%,d / %,d / %.0f",
                        seeded.instances(), seeded.rows(), (System.nanoTime() - start) / 1e9));
            }
            searches(db, context);
        } finally {
            String url = context.getEnvironment().getProperty("spring.datasource.url", "");
            context.close();
            if (url.startsWith("jdbc:h2:mem:")) {
                // an in-memory H2 database outlives its context (DB_CLOSE_DELAY=-1): free its heap
                try (Connection c = java.sql.DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN");
                }
            }
        }
    }

    /**
     * {@code --keep NAME}: the PostgreSQL database NAME on the test server (created when missing, never
     * dropped), so that a second run measures the same 100,000 instances without seeding them again.
     */
    static Map<String, Object> keptDatabase(String name) throws Exception {
        if (!name.matches("[a-z][a-z0-9_]{0,40}")) {
            throw new IllegalArgumentException("--keep: a database name of lower-case letters, digits and '_'");
        }
        String url = System.getenv().getOrDefault("SUPPLYGUARD_TEST_DB_URL", "jdbc:postgresql://localhost:5432/postgres");
        String user = System.getenv().getOrDefault("SUPPLYGUARD_TEST_DB_USER", "supplyguard");
        String password = System.getenv().getOrDefault("SUPPLYGUARD_TEST_DB_PASSWORD", "supplyguard");
        try (Connection c = java.sql.DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8'");
                }
            }
        }
        Map<String, Object> p = new HashMap<>();
        p.put("spring.datasource.url", url.replaceFirst("^(jdbc:postgresql://[^/?]*)(/[^?]*)?", "$1/" + name));
        p.put("spring.datasource.username", user);
        p.put("spring.datasource.password", password);
        p.put("spring.datasource.driver-class-name", "org.postgresql.Driver");
        p.put("camunda.bpm.database.type", "postgres");
        return p;
    }

    /** Real instances through the engine: cut-and-restore cycles, and starts that end NOT_ELIGIBLE. */
    void templates(SupplyGuardBenchmark.Engine engine) throws Exception {
        int cycles = size("templates");
        Map<String, String> cycleOptions = new HashMap<>(options);
        cycleOptions.put("cycles", String.valueOf(cycles));
        new SupplyGuardBenchmark(cycleOptions).cycles("templates", engine);
        List<String> notEligible = new ArrayList<>();
        for (int i = 0; i < Math.max(1, cycles / 2); i++) {
            var c = SupplyGuardBenchmark.customer(engine, SupplyGuardBenchmark.BUSES.get(i % 4), false, "0.00");
            notEligible.add(engine.runtime().startProcessInstanceByKey("arrears-disconnection", c.customerNo(),
                    Map.of("customerNo", c.customerNo(), "trigger", "BENCHMARK")).getId());
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (engine.runtime().createProcessInstanceQuery().count() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("templates still running: "
                        + engine.runtime().createProcessInstanceQuery().list());
            }
            Thread.sleep(50);
        }
        SupplyGuardBenchmark.log("templates: %d cycles and %d NOT_ELIGIBLE starts finished", cycles, notEligible.size());
    }

    record Seeded(long instances, long rows) {
    }

    /** One table's rows of the template instances, with its columns. */
    record TemplateRows(String table, List<String> columns, List<Integer> types, List<Object[]> rows) {
    }

    /**
     * Copies the finished template instances until {@code instances} finished instances exist: per
     * copy fresh ids for every id the engine generated (not those of deployments and definitions), the
     * copy's customer number and district in every text, every time moved back.
     */
    Seeded seed(DataSource dataSource, int instances, String db) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            List<String> roots = strings(c, "SELECT ID_ FROM ACT_HI_PROCINST WHERE END_TIME_ IS NOT NULL AND ID_ = ROOT_PROC_INST_ID_ ORDER BY START_TIME_");
            long finishedNow = strings(c, "SELECT ID_ FROM ACT_HI_PROCINST WHERE END_TIME_ IS NOT NULL").size();
            Map<String, String> rootBusinessKey = new HashMap<>();
            Map<String, String> rootDistrict = new HashMap<>();
            Map<String, Integer> instancesPerRoot = new HashMap<>();
            Map<String, String> rootOfInstance = new HashMap<>();
            for (String root : roots) {
                rootBusinessKey.put(root, strings(c, "SELECT BUSINESS_KEY_ FROM ACT_HI_PROCINST WHERE ID_ = '" + root + "'").get(0));
                List<String> district = strings(c, "SELECT TEXT_ FROM ACT_HI_VARINST WHERE PROC_INST_ID_ = '" + root + "' AND NAME_ = 'district'");
                rootDistrict.put(root, district.isEmpty() ? null : district.get(0));
                List<String> family = strings(c, "SELECT ID_ FROM ACT_HI_PROCINST WHERE ROOT_PROC_INST_ID_ = '" + root + "'");
                instancesPerRoot.put(root, family.size());
                family.forEach(id -> rootOfInstance.put(id, root));
            }
            Set<String> keep = new HashSet<>();
            for (String sql : List.of("SELECT ID_ FROM ACT_RE_PROCDEF", "SELECT ID_ FROM ACT_RE_DECISION_DEF",
                    "SELECT ID_ FROM ACT_RE_DECISION_REQ_DEF", "SELECT ID_ FROM ACT_RE_DEPLOYMENT", "SELECT ID_ FROM ACT_RU_JOBDEF",
                    "SELECT DEPLOYMENT_ID_ FROM ACT_GE_BYTEARRAY WHERE DEPLOYMENT_ID_ IS NOT NULL")) {
                for (String id : strings(c, sql)) {
                    Matcher m = UUID_PATTERN.matcher(id);
                    while (m.find()) {
                        keep.add(m.group());
                    }
                }
            }
            String rootList = String.join(",", roots.stream().map(r -> "'" + r + "'").toList());
            List<TemplateRows> templates = new ArrayList<>();
            boolean all = options.get("tables").equals("all");
            for (String name : tablesWithRootInstance(c)) {
                if (!name.equals("ACT_RU_AUTHORIZATION") && (all || SEARCHED_TABLES.contains(name))) {
                    templates.add(read(c, name, " WHERE ROOT_PROC_INST_ID_ IN (" + rootList + ")"));
                }
            }
            // the district read grants: on the instance (runtime) and its history
            templates.add(read(c, "ACT_RU_AUTHORIZATION", " WHERE RESOURCE_ID_ IN (SELECT ID_ FROM ACT_HI_PROCINST"
                    + " WHERE ROOT_PROC_INST_ID_ IN (" + rootList + "))"));
            templates.forEach(t -> SupplyGuardBenchmark.log("template rows %s: %d", t.table(), t.rows().size()));
            int perRound = roots.stream().mapToInt(instancesPerRoot::get).sum();
            int rounds = (int) Math.ceil((instances - finishedNow) / (double) perRound);
            SupplyGuardBenchmark.log("seeding %s: %d template roots (%d instances) in %d tables, %d rounds", db, roots.size(),
                    perRound, templates.size(), rounds);
            registerCustomers(c);
            Map<String, PreparedStatement> inserts = new HashMap<>();
            for (TemplateRows t : templates) {
                inserts.put(t.table(), c.prepareStatement("INSERT INTO " + t.table() + " (" + String.join(", ", t.columns())
                        + ") VALUES (" + String.join(", ", t.columns().stream().map(x -> "?").toList()) + ")"));
            }
            long rows = 0;
            long seedStart = System.nanoTime();
            long copied = 0;
            int customer = 0;
            for (int round = 0; round < rounds && finishedNow + copied < instances; round++) {
                long shiftMillis = SPREAD.toMillis() * (rounds - round) / rounds;
                Map<String, String> ids = new HashMap<>();
                Map<String, String[]> replacements = new HashMap<>();
                for (String root : roots) {
                    String customerNo = String.format("37%08d", customer % CUSTOMERS);
                    String district = district(customer % CUSTOMERS);
                    customer++;
                    replacements.put(root, new String[] {rootBusinessKey.get(root), customerNo, rootDistrict.get(root), district});
                    copied += instancesPerRoot.get(root);
                }
                for (TemplateRows t : templates) {
                    PreparedStatement insert = inserts.get(t.table());
                    int rootColumn = t.columns().indexOf("ROOT_PROC_INST_ID_");
                    int resourceColumn = t.columns().indexOf("RESOURCE_ID_");
                    for (Object[] row : t.rows()) {
                        // a runtime grant on a process instance carries no root: its resource id names the instance
                        String root = rootColumn >= 0 && row[rootColumn] != null ? (String) row[rootColumn]
                                : resourceColumn >= 0 ? rootOfInstance.get((String) row[resourceColumn]) : null;
                        String[] swap = replacements.get(root);
                        for (int i = 0; i < row.length; i++) {
                            insert.setObject(i + 1, copy(row[i], t.types().get(i), ids, keep, swap, shiftMillis), t.types().get(i));
                        }
                        insert.addBatch();
                        rows++;
                    }
                    insert.executeBatch();
                }
                c.commit();
                if (round % 100 == 0) {
                    SupplyGuardBenchmark.log("seeding %s: round %d of %d, %,d instances, %,d rows, %.0f s", db, round, rounds, copied, rows, (System.nanoTime() - seedStart) / 1e9);
                }
            }
            SupplyGuardBenchmark.log("seeding %s: %,d rows in %.0f s; ANALYZE", db, rows, (System.nanoTime() - seedStart) / 1e9);
            try (Statement s = c.createStatement()) {
                // what autovacuum (PostgreSQL) does after a bulk load anyway; H2 keeps its statistics by ANALYZE too
                s.execute("ANALYZE");
            }
            c.commit();
            return new Seeded(finishedNow + copied, rows);
        }
    }

    /** The copies' customers in the registry: the search finds a district's customers there. */
    private static void registerCustomers(Connection c) throws Exception {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO customer (customer_no, name, address, usage_class, district, agreement_signed_on, created_at, updated_at)
                VALUES (?, ?, ?, 'RESIDENTIAL', ?, DATE '2024-03-01', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")) {
            for (int n = 0; n < CUSTOMERS; n++) {
                insert.setString(1, String.format("37%08d", n));
                insert.setString(2, "历史客户" + n);
                insert.setString(3, "历史路 " + n + " 号");
                insert.setString(4, district(n));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        c.commit();
    }

    static String district(int customer) {
        return String.format("TQ-%03d", customer % DISTRICTS + 1);
    }

    private static Object copy(Object value, int type, Map<String, String> ids, Set<String> keep, String[] swap,
                               long shiftMillis) {
        if (value instanceof Timestamp t) {
            return new Timestamp(t.getTime() - shiftMillis);
        }
        if (value instanceof String s) {
            Matcher m = UUID_PATTERN.matcher(s);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String id = m.group();
                m.appendReplacement(out, keep.contains(id) ? id : ids.computeIfAbsent(id, k -> UUID.randomUUID().toString()));
            }
            m.appendTail(out);
            String result = out.toString();
            if (swap != null && swap[0] != null) {
                result = result.replace(swap[0], swap[1]);
            }
            if (swap != null && swap[2] != null) {
                result = result.replace(swap[2], swap[3]);
            }
            return result;
        }
        return value;
    }

    private static List<String> tablesWithRootInstance(Connection c) throws Exception {
        DatabaseMetaData meta = c.getMetaData();
        List<String> tables = new ArrayList<>();
        for (String pattern : List.of("ACT_HI_%", "act_hi_%", "ACT_GE_BYTEARRAY", "act_ge_bytearray", "ACT_RU_AUTHORIZATION",
                "act_ru_authorization")) {
            try (ResultSet rs = meta.getColumns(null, null, pattern, null)) {
                while (rs.next()) {
                    String column = rs.getString("COLUMN_NAME");
                    String name = rs.getString("TABLE_NAME").toUpperCase(Locale.ROOT);
                    if (column.equalsIgnoreCase("ROOT_PROC_INST_ID_") && !tables.contains(name)) {
                        tables.add(name);
                    }
                }
            }
        }
        return tables;
    }

    private static TemplateRows read(Connection c, String name, String where) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + name + where)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            List<Integer> types = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnName(i).toUpperCase(Locale.ROOT));
                int type = meta.getColumnType(i);
                types.add(type == Types.BLOB ? Types.VARBINARY : type == Types.CLOB ? Types.VARCHAR : type);
            }
            List<Object[]> rows = new ArrayList<>();
            while (rs.next()) {
                Object[] row = new Object[columns.size()];
                for (int i = 0; i < row.length; i++) {
                    int type = types.get(i);
                    row[i] = type == Types.VARBINARY || type == Types.BINARY || type == Types.LONGVARBINARY ? rs.getBytes(i + 1)
                            : type == Types.TIMESTAMP || type == Types.TIMESTAMP_WITH_TIMEZONE ? rs.getTimestamp(i + 1)
                            : type == Types.VARCHAR || type == Types.CHAR || type == Types.NVARCHAR || type == Types.LONGVARCHAR
                            ? rs.getString(i + 1) : rs.getObject(i + 1);
                }
                rows.add(row);
            }
            return new TemplateRows(name, columns, types, rows);
        }
    }

    private static List<String> strings(Connection c, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    // ---------------------------------------------------------------- the searches

    void searches(String db, ConfigurableApplicationContext context) {
        ProcessHistorySearch search = context.getBean(ProcessHistorySearch.class);
        IdentityService identity = context.getBean(IdentityService.class);
        LocalDate today = LocalDate.now(SupplyGuardBenchmark.SHANGHAI);
        List<String> auditor = List.of("auditors");
        List<String> manager = List.of("district-managers", "district-managers-TQ-001", "district-managers-TQ-002");
        time(db, identity, search, "auditor: first page, no filter", "auditor", auditor, criteria(null, null, null, null, null));
        time(db, identity, search, "auditor: district TQ-017", "auditor", auditor, criteria(null, null, "TQ-017", null, null));
        time(db, identity, search, "auditor: customer 3700012345", "auditor", auditor, criteria("3700012345", null, null, null, null));
        time(db, identity, search, "auditor: outcome DISCONNECTED", "auditor", auditor, criteria(null, "DISCONNECTED", null, null, null));
        time(db, identity, search, "auditor: outcome NOT_ELIGIBLE, page 50", "auditor", auditor,
                new Criteria(null, null, "NOT_ELIGIBLE", null, null, null, 50, 20));
        time(db, identity, search, "auditor: started in one month (30 days, 4 months ago)", "auditor", auditor,
                criteria(null, null, null, today.minusDays(150), today.minusDays(120)));
        time(db, identity, search, "auditor: district TQ-017 + DISCONNECTED + one month", "auditor", auditor,
                criteria(null, "DISCONNECTED", "TQ-017", today.minusDays(150), today.minusDays(120)));
        time(db, identity, search, "district manager (TQ-001, TQ-002): first page", "manager", manager,
                criteria(null, null, null, null, null));
        time(db, identity, search, "district manager: district TQ-001", "manager", manager, criteria(null, null, "TQ-001", null, null));
        time(db, identity, search, "district manager: customer 3700000000 (his district)", "manager", manager,
                criteria("3700000000", null, null, null, null));
        time(db, identity, search, "district manager: outcome DISCONNECTED", "manager", manager,
                criteria(null, "DISCONNECTED", null, null, null));
    }

    private static Criteria criteria(String customerNo, String outcome, String district, LocalDate from, LocalDate to) {
        return new Criteria(customerNo, null, outcome, district, from, to, 1, 20);
    }

    private void time(String db, IdentityService identity, ProcessHistorySearch search, String row, String user, List<String> groups,
                      Criteria criteria) {
        int runs = size("runs");
        List<Double> millis = new ArrayList<>();
        ProcessHistorySearch.Page page = null;
        identity.setAuthentication(user, groups);
        try {
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                page = search.search(criteria);
                millis.add((System.nanoTime() - start) / 1e6);
            }
        } finally {
            identity.clearAuthentication();
        }
        // the first run separately: H2 answers a repeated identical query from its result cache
        List<Double> sorted = millis.stream().sorted().toList();
        put(row, db, String.format(Locale.ROOT, "%.0f first, %.0f / %.0f (%,d found, %d shown)", millis.get(0),
                sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), page.total(), page.rows().size()));
    }
}
