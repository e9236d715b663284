package io.supplyguard.calendar;

import io.supplyguard.calendar.CalendarDays.DayKind;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Holidays and adjusted working days as records (issue 18 item 5; tables of {@code V8_18_1}):
 * read fresh at each evaluation, replaced a year at a time by a fee-control operator, every
 * change kept in {@code calendar_change} with who and when (the server's clock).
 */
@Service
public class HolidayCalendar {

    private final JdbcClient jdbc;
    private final ExecutionWindowProperties properties;
    private final Clock clock;

    HolidayCalendar(JdbcClient jdbc, ExecutionWindowProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    public record Day(LocalDate date, DayKind kind, String name) {
    }

    public record Year(int year, String source, String maintainedBy, OffsetDateTime maintainedAt, List<Day> days) {
    }

    public record Change(long id, int year, LocalDate date, String action, DayKind kind, String name, String source,
            String changedBy, OffsetDateTime changedAt) {
    }

    /** The whole calendar as recorded now (a few dozen rows a year). */
    public CalendarDays days() {
        Set<Integer> years = new HashSet<>(jdbc.sql("SELECT year_no FROM calendar_year").query(Integer.class).list());
        Map<LocalDate, DayKind> days = new HashMap<>();
        jdbc.sql("SELECT calendar_date, kind FROM calendar_day").query((rs, n) -> {
            days.put(rs.getObject("calendar_date", LocalDate.class), DayKind.valueOf(rs.getString("kind")));
            return null;
        }).list();
        return new CalendarDays(Set.copyOf(years), Map.copyOf(days), properties.workingDays());
    }

    public List<Year> years() {
        return jdbc.sql("SELECT year_no FROM calendar_year ORDER BY year_no").query(Integer.class).list().stream()
                .map(y -> year(y).orElseThrow()).toList();
    }

    public Optional<Year> year(int year) {
        List<Day> days = jdbc.sql("SELECT calendar_date, kind, name FROM calendar_day WHERE year_no = :y ORDER BY calendar_date").param("y", year)
                .query((rs, n) -> new Day(rs.getObject("calendar_date", LocalDate.class), DayKind.valueOf(rs.getString("kind")),
                        rs.getString("name"))).list();
        return jdbc.sql("SELECT * FROM calendar_year WHERE year_no = :y").param("y", year)
                .query((rs, n) -> new Year(year, rs.getString("source"), rs.getString("maintained_by"),
                        rs.getObject("maintained_at", OffsetDateTime.class), days)).optional();
    }

    /**
     * Replaces the year's holidays and adjusted working days (the State Council's notice of that
     * year) and records each day added, removed or renamed. Returns true when the year is new.
     */
    @Transactional
    public boolean maintain(int year, String source, List<Day> days, String user) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<Year> before = year(year);
        if (before.isEmpty()) {
            jdbc.sql("INSERT INTO calendar_year (year_no, source, maintained_by, maintained_at) VALUES (:y, :s, :u, :t)")
                    .param("y", year).param("s", source).param("u", user).param("t", now).update();
            change(year, null, "YEAR_ADDED", null, null, source, user, now);
        } else {
            jdbc.sql("UPDATE calendar_year SET source = :s, maintained_by = :u, maintained_at = :t WHERE year_no = :y")
                    .param("y", year).param("s", source).param("u", user).param("t", now).update();
            if (!before.get().source().equals(source)) {
                change(year, null, "SOURCE_CHANGED", null, null, source, user, now);
            }
        }
        Map<LocalDate, Day> old = new HashMap<>();
        before.ifPresent(y -> y.days().forEach(d -> old.put(d.date(), d)));
        for (Day day : days) {
            Day previous = old.remove(day.date());
            if (previous == null) {
                jdbc.sql("INSERT INTO calendar_day (calendar_date, year_no, kind, name) VALUES (:d, :y, :k, :n)")
                        .param("d", day.date()).param("y", year).param("k", day.kind().name()).param("n", day.name()).update();
                change(year, day.date(), "ADDED", day.kind(), day.name(), null, user, now);
            } else if (previous.kind() != day.kind() || !previous.name().equals(day.name())) {
                jdbc.sql("UPDATE calendar_day SET kind = :k, name = :n WHERE calendar_date = :d")
                        .param("d", day.date()).param("k", day.kind().name()).param("n", day.name()).update();
                change(year, day.date(), "CHANGED", day.kind(), day.name(), null, user, now);
            }
        }
        for (Day removed : old.values()) {
            jdbc.sql("DELETE FROM calendar_day WHERE calendar_date = :d").param("d", removed.date()).update();
            change(year, removed.date(), "REMOVED", removed.kind(), removed.name(), null, user, now);
        }
        return before.isEmpty();
    }

    public List<Change> changes(Integer year) {
        var query = year == null ? jdbc.sql("SELECT * FROM calendar_change ORDER BY changed_at, id")
                : jdbc.sql("SELECT * FROM calendar_change WHERE year_no = :y ORDER BY changed_at, id").param("y", year);
        return query.query((rs, n) -> new Change(rs.getLong("id"), rs.getInt("year_no"), rs.getObject("calendar_date", LocalDate.class),
                        rs.getString("action"), rs.getString("kind") == null ? null : DayKind.valueOf(rs.getString("kind")),
                        rs.getString("name"), rs.getString("source"), rs.getString("changed_by"),
                        rs.getObject("changed_at", OffsetDateTime.class)))
                .list();
    }

    private void change(int year, LocalDate day, String action, DayKind kind, String name, String source, String user,
            OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO calendar_change (year_no, calendar_date, action, kind, name, source, changed_by, changed_at)
                VALUES (:y, :d, :a, :k, :n, :s, :u, :t)""")
                .param("y", year).param("d", day).param("a", action).param("k", kind == null ? null : kind.name())
                .param("n", name).param("s", source).param("u", user).param("t", now).update();
    }
}
