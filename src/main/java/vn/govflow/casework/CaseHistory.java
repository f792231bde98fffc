package vn.govflow.casework;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.identity.Person;

/**
 * A case's history, the phiếu giải quyết: every subsystem records its steps here (one shared table) and every
 * case page shows them through the one history fragment.
 */
@Component
public class CaseHistory {
  /** The comment column's size; longer comments are cut, never refused, so a step is not lost over its note. */
  static final int COMMENT_MAX = 4000;

  private final IdentityDirectory directory;
  private final CaseRecordMapper mapper;
  private final Clock clock;

  CaseHistory(IdentityDirectory directory, CaseRecordMapper mapper,
              @Value("${govflow.time-zone:Asia/Ho_Chi_Minh}") String zone) {
    this.directory = directory;
    this.mapper = mapper;
    this.clock = Clock.system(ZoneId.of(zone));
  }

  /** Records a step now. {@code actor} null is the system; {@code onBehalfOf} the person a secretary acts for. */
  public void record(CaseType type, String caseId, String actor, String onBehalfOf, String step, String comment) {
    record(type, caseId, OffsetDateTime.now(clock), actor, onBehalfOf, step, comment);
  }

  /** Records a step at a given moment (the same instant as the row the step created, for example). */
  public void record(CaseType type, String caseId, OffsetDateTime at, String actor, String onBehalfOf, String step,
                     String comment) {
    mapper.insertStep(type.key(), caseId, at.truncatedTo(ChronoUnit.MICROS), actor, onBehalfOf, step,
        comment == null || comment.length() <= COMMENT_MAX ? comment : comment.substring(0, COMMENT_MAX));
  }

  /** The case's steps in the order they happened. */
  public List<CaseStep> steps(CaseType type, String caseId) {
    return mapper.steps(type.key(), caseId);
  }

  /** The case's steps as the history fragment shows them, with people's names. */
  public List<HistoryEntry> entries(CaseType type, String caseId, UnaryOperator<OffsetDateTime> shownAt) {
    return steps(type, caseId).stream().map(s -> entry(shownAt.apply(s.occurredAt()), s.actor(), s.onBehalfOf(),
        s.step(), s.comment())).toList();
  }

  public boolean hasStep(CaseType type, String caseId, String step) {
    return steps(type, caseId).stream().anyMatch(s -> step.equals(s.step()));
  }

  /** When each of the cases first took the step (cases that never did are absent). */
  public Map<String, OffsetDateTime> firstTimes(CaseType type, String step, List<String> caseIds) {
    Map<String, OffsetDateTime> first = new LinkedHashMap<>();
    if (!caseIds.isEmpty()) {
      mapper.firstSteps(type.key(), step, caseIds).forEach(f -> first.put(f.caseId(), f.occurredAt()));
    }
    return first;
  }

  /** Rewrites the comments of a case's steps (erasure of personal data); returns how many changed. */
  public int rewriteComments(CaseType type, String caseId, UnaryOperator<String> rewrite) {
    int changed = 0;
    for (CaseStep s : steps(type, caseId)) {
      if (s.comment() != null) {
        String now = rewrite.apply(s.comment());
        if (!now.equals(s.comment())) {
          changed += mapper.setComment(type.key(), caseId, s.id(), now);
        }
      }
    }
    return changed;
  }

  public HistoryEntry entry(OffsetDateTime occurredAt, String actor, String onBehalfOf, String step, String comment) {
    return new HistoryEntry(occurredAt, name(actor), name(onBehalfOf), step, comment);
  }

  private String name(String username) {
    return username == null ? null : directory.person(username).map(Person::fullName).orElse(username);
  }
}
