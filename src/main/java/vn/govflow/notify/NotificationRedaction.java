package vn.govflow.notify;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.govflow.common.PersonalData;

/**
 * Erasure on request (seed 003 Art 27) reaches the staff's notifications: their subjects repeat a case's title,
 * and a portal question's title is the beginning of the question, often the asker introducing themselves.
 * The notification stays (who was told what, when), its text without the person.
 */
@Service
public class NotificationRedaction {
  private static final List<String> TEXTS = List.of("subject_vi", "subject_en", "body_vi", "body_en", "email_error");
  private final JdbcTemplate jdbc;

  NotificationRedaction(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Rewrites the notifications that mention the case (one of {@code caseMarks}, e.g. its tracking code, which
   * starts a portal question's title) or reach the person (their e-mail or phone): a name alone is not searched
   * in every notification, another person may have the same.
   *
   * @return how many notifications were rewritten
   */
  @Transactional(propagation = Propagation.REQUIRED)
  public int redact(Collection<String> personal, Collection<String> caseMarks) {
    String where = String.join(" OR ", TEXTS.stream().map(c -> "LOWER(" + c + ") LIKE ? ESCAPE '\\'").toList());
    String update = "UPDATE notification SET " + String.join(" = ?, ", TEXTS) + " = ? WHERE id = ?";
    int count = 0;
    List<String> wide = new java.util.ArrayList<>(PersonalData.likePatterns(PersonalData.contacts(personal)));
    wide.addAll(PersonalData.likePatterns(caseMarks));
    java.util.Set<Object> seen = new java.util.HashSet<>();
    for (String like : wide) {
      Object[] likes = TEXTS.stream().map(c -> like).toArray();
      for (Map<String, Object> row : jdbc.queryForList("SELECT id, " + String.join(", ", TEXTS)
          + " FROM notification WHERE " + where, likes)) {
        if (!seen.add(column(row, "id"))) {
          continue;
        }
        Object[] args = new Object[TEXTS.size() + 1];
        boolean changed = false;
        for (int i = 0; i < TEXTS.size(); i++) {
          String before = (String) column(row, TEXTS.get(i));
          args[i] = PersonalData.redact(before, personal);
          changed |= !Objects.equals(before, args[i]);
        }
        if (changed) {
          args[TEXTS.size()] = column(row, "id");
          count += jdbc.update(update, args);
        }
      }
    }
    return count;
  }

  /** Column labels come back upper-case on H2 and lower-case on PostgreSQL. */
  private static Object column(Map<String, Object> row, String name) {
    return row.containsKey(name) ? row.get(name) : row.get(name.toUpperCase(java.util.Locale.ROOT));
  }
}
