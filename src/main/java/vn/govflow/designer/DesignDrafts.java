package vn.govflow.designer;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.govflow.audit.AuditLog;
import vn.govflow.common.error.UserError;

/**
 * Drafts with their history: every save is a new revision (1, 2, …) of one model (kind, key, agency variant),
 * with its author and comment. Saving never deploys.
 */
@Service
public class DesignDrafts {
  /** Drafts are models, not documents: a generous cap that still keeps a row in a VARCHAR column. */
  static final int MAX_CONTENT = 1_000_000;

  public record Revision(int revision, String author, OffsetDateTime at, String comment) {}

  public record Draft(int revision, String author, OffsetDateTime at, String comment, String content) {
    Revision summary() {
      return new Revision(revision, author, at, comment);
    }
  }

  private static final RowMapper<Draft> DRAFT = (rs, n) -> new Draft(rs.getInt("revision"), rs.getString("author"),
      at(rs.getTimestamp("created_at")), rs.getString("comment"), rs.getString("content"));
  private static final RowMapper<Revision> REVISION = (rs, n) -> new Revision(rs.getInt("revision"),
      rs.getString("author"), at(rs.getTimestamp("created_at")), rs.getString("comment"));

  private final JdbcTemplate jdbc;
  private final AuditLog audit;

  DesignDrafts(JdbcTemplate jdbc, AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** Saves a new revision; returns its number. */
  @Transactional
  public int save(DesignKind kind, String key, String agency, String content, String comment, String author) {
    if (content == null || content.isBlank()) {
      throw UserError.badRequest("draft-empty", "Bản nháp trống.", "The draft is empty.");
    }
    if (content.length() > MAX_CONTENT) {
      throw UserError.badRequest("draft-too-large", "Bản nháp quá lớn (tối đa 1 000 000 ký tự).",
          "The draft is too large (at most 1,000,000 characters).");
    }
    String note = comment == null ? null : comment.length() <= 1000 ? comment : comment.substring(0, 1000);
    Integer last = jdbc.queryForObject("SELECT MAX(revision) FROM dsg_draft WHERE kind = ? AND model_key = ? "
        + "AND agency_code = ?", Integer.class, kind.code(), key, agencyColumn(agency));
    int revision = last == null ? 1 : last + 1;
    try {
      jdbc.update("INSERT INTO dsg_draft (kind, model_key, agency_code, revision, content, author, comment, "
          + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", kind.code(), key, agencyColumn(agency), revision, content,
          author, note, Timestamp.from(java.time.Instant.now()));
    } catch (DuplicateKeyException e) {
      throw new UserError(HttpStatus.CONFLICT, "draft-conflict", "Người khác vừa lưu bản nháp này; hãy tải lại.",
          "Someone else has just saved this draft; reload it.");
    }
    audit.record("designer.draft.save", "design-" + kind.code(), objectId(key, agency),
        "revision " + revision + (note == null ? "" : ": " + note));
    return revision;
  }

  public List<Revision> revisions(DesignKind kind, String key, String agency) {
    return jdbc.query("SELECT revision, author, created_at, comment FROM dsg_draft WHERE kind = ? AND model_key = ? "
        + "AND agency_code = ? ORDER BY revision DESC", REVISION, kind.code(), key, agencyColumn(agency));
  }

  public Optional<Draft> revision(DesignKind kind, String key, String agency, int revision) {
    return jdbc.query("SELECT revision, author, created_at, comment, content FROM dsg_draft WHERE kind = ? "
        + "AND model_key = ? AND agency_code = ? AND revision = ?", DRAFT, kind.code(), key, agencyColumn(agency),
        revision).stream().findFirst();
  }

  public Optional<Draft> latest(DesignKind kind, String key, String agency) {
    Integer last = jdbc.queryForObject("SELECT MAX(revision) FROM dsg_draft WHERE kind = ? AND model_key = ? "
        + "AND agency_code = ?", Integer.class, kind.code(), key, agencyColumn(agency));
    return last == null ? Optional.empty() : revision(kind, key, agency, last);
  }

  /**
   * The newest release draft of a province-wide model that no designer deployment has taken up since (a release
   * changed a model a designer had changed: ReleaseDeployment); empty when there is none or it was deployed.
   */
  public Optional<Revision> releasePending(DesignKind kind, String key) {
    Integer revision = jdbc.queryForObject("SELECT MAX(revision) FROM dsg_draft WHERE kind = ? AND model_key = ? "
        + "AND agency_code = '' AND author LIKE ?", Integer.class, kind.code(), key, ReleaseDeployment.AUTHOR_PREFIX
        + "%");
    if (revision == null) {
      return Optional.empty();
    }
    Integer deployed = jdbc.queryForObject("SELECT COUNT(*) FROM dsg_deployment WHERE kind = ? AND model_key = ? "
        + "AND agency_code = '' AND revision >= ?", Integer.class, kind.code(), key, revision);
    return deployed != null && deployed > 0 ? Optional.empty()
        : revision(kind, key, null, revision).map(Draft::summary);
  }

  /** Every model that has a draft: kind, key, agency ('' = shared). */
  public List<String[]> drafted() {
    return jdbc.query("SELECT DISTINCT kind, model_key, agency_code FROM dsg_draft",
        (rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
  }

  static String agencyColumn(String agency) {
    return agency == null ? "" : agency;
  }

  static String objectId(String key, String agency) {
    return agency == null ? key : key + "@" + agency;
  }

  private static OffsetDateTime at(Timestamp t) {
    return t == null ? null : t.toInstant().atOffset(ZoneOffset.UTC);
  }
}
