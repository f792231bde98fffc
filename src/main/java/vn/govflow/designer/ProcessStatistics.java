package vn.govflow.designer;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * How a deployed process behaves (issue #10 item 6), per element, from the engine's history: how many times it
 * finished within a period, how many are running now, and the average duration of the finished ones. Only the
 * instances of the designer's own agency count (the case's {@code agencyCode}, a process-level variable).
 */
@Service
class ProcessStatistics {
  record ElementStatistics(String elementId, long finished, long running, Long avgDurationMs) {}

  // One grouped query over the history tables (the engine's API has no per-agency activity statistics).
  private static final String SQL = """
      SELECT a.ACT_ID_ AS element_id,
        SUM(CASE WHEN a.END_TIME_ IS NOT NULL AND a.END_TIME_ >= ? AND a.END_TIME_ < ? THEN 1 ELSE 0 END) AS finished,
        SUM(CASE WHEN a.END_TIME_ IS NULL THEN 1 ELSE 0 END) AS running,
        AVG(CASE WHEN a.END_TIME_ IS NOT NULL AND a.END_TIME_ >= ? AND a.END_TIME_ < ? THEN a.DURATION_ END) AS avg_ms
      FROM ACT_HI_ACTINST a
      JOIN ACT_RE_PROCDEF d ON d.ID_ = a.PROC_DEF_ID_
      WHERE %s AND a.START_TIME_ < ? AND (a.END_TIME_ IS NULL OR a.END_TIME_ >= ?)
        AND EXISTS (SELECT 1 FROM ACT_HI_VARINST v WHERE v.PROC_INST_ID_ = a.PROC_INST_ID_
          AND v.EXECUTION_ID_ = a.PROC_INST_ID_ AND v.NAME_ = 'agencyCode' AND v.TEXT_ = ?)
      GROUP BY a.ACT_ID_
      ORDER BY a.ACT_ID_
      """;

  private final JdbcTemplate jdbc;

  ProcessStatistics(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Elements of the process {@code key} (of one version when {@code definitionId} is given) whose activity
   * overlaps [{@code from}, {@code to}): finished = ended within it; running = not ended yet.
   */
  List<ElementStatistics> of(String key, String definitionId, Instant from, Instant to, String agencyCode) {
    Timestamp start = Timestamp.from(from);
    Timestamp end = Timestamp.from(to);
    String where = definitionId == null ? "d.KEY_ = ?" : "d.KEY_ = ? AND a.PROC_DEF_ID_ = ?";
    List<Object> args = new ArrayList<>(List.of(start, end, start, end, key));
    if (definitionId != null) {
      args.add(definitionId);
    }
    args.addAll(List.of(end, start, agencyCode));
    return jdbc.query(SQL.formatted(where), (rs, n) -> {
      Number avg = (Number) rs.getObject("avg_ms");
      return new ElementStatistics(rs.getString("element_id"), rs.getLong("finished"), rs.getLong("running"),
          avg == null ? null : Math.round(avg.doubleValue()));
    }, args.toArray());
  }
}
