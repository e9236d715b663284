package io.supplyguard.calendar;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/** Extreme-weather alerts per district, raised and ended by fee-control operators. */
@Service
public class WeatherAlerts {

    private final JdbcClient jdbc;
    private final Clock clock;

    WeatherAlerts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public WeatherAlert raise(String district, String kind, OffsetDateTime from, OffsetDateTime until, String raisedBy) {
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO weather_alert (district, kind, active_from, active_until, raised_by, raised_at)
                VALUES (:district, :kind, :from, :until, :by, :now)""")
                .param("district", district).param("kind", kind).param("from", from).param("until", until)
                .param("by", raisedBy).param("now", OffsetDateTime.now(clock))
                .update(key, "id");
        return find(key.getKey().longValue()).orElseThrow();
    }

    /** Ends an alert now (the weather has cleared). */
    public Optional<WeatherAlert> end(long id) {
        jdbc.sql("UPDATE weather_alert SET ended_at = :now WHERE id = :id AND ended_at IS NULL")
                .param("now", OffsetDateTime.now(clock)).param("id", id).update();
        return find(id);
    }

    public Optional<WeatherAlert> find(long id) {
        return jdbc.sql("SELECT * FROM weather_alert WHERE id = :id").param("id", id).query(WeatherAlerts::map).optional();
    }

    /** Alerts for the district that are active at or after {@code from}, earliest first. */
    public List<WeatherAlert> relevantFrom(String district, OffsetDateTime from) {
        return jdbc.sql("""
                SELECT * FROM weather_alert
                WHERE district = :district AND active_until > :from AND (ended_at IS NULL OR ended_at > :from)
                ORDER BY active_from""")
                .param("district", district).param("from", from)
                .query(WeatherAlerts::map).list();
    }

    public List<WeatherAlert> listFor(String district) {
        return jdbc.sql("SELECT * FROM weather_alert WHERE district = :district ORDER BY active_from DESC")
                .param("district", district).query(WeatherAlerts::map).list();
    }

    private static WeatherAlert map(ResultSet rs, int row) throws SQLException {
        return new WeatherAlert(rs.getLong("id"), rs.getString("district"), rs.getString("kind"),
                rs.getObject("active_from", OffsetDateTime.class), rs.getObject("active_until", OffsetDateTime.class),
                rs.getString("raised_by"), rs.getObject("ended_at", OffsetDateTime.class));
    }
}
