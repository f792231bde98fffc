package vn.govflow.files;

import org.apache.ibatis.annotations.Arg;
import org.apache.ibatis.annotations.ConstructorArgs;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import java.time.OffsetDateTime;

/** Metadata rows of stored files. */
@Mapper
public interface StoredFileMapper {

  @Insert("""
      INSERT INTO stored_file (id, agency_code, original_name, extension, media_type, size_bytes, sha256,
                               uploaded_by, on_behalf_of, uploaded_at, text_status, text_note, extracted_text)
      VALUES (#{f.id}, #{f.agencyCode}, #{f.originalName}, #{f.extension}, #{f.mediaType}, #{f.sizeBytes},
              #{f.sha256}, #{f.uploadedBy}, #{f.onBehalfOf}, #{f.uploadedAt}, #{f.textStatus}, #{f.textNote},
              #{text})
      """)
  void insert(@Param("f") StoredFile file, @Param("text") String extractedText);

  @Select("""
      SELECT id, agency_code, original_name, extension, media_type, size_bytes, sha256,
             uploaded_by, on_behalf_of, uploaded_at, text_status, text_note
        FROM stored_file WHERE id = #{id}
      """)
  @ConstructorArgs({
      @Arg(column = "id", javaType = String.class),
      @Arg(column = "agency_code", javaType = String.class),
      @Arg(column = "original_name", javaType = String.class),
      @Arg(column = "extension", javaType = String.class),
      @Arg(column = "media_type", javaType = String.class),
      @Arg(column = "size_bytes", javaType = long.class),
      @Arg(column = "sha256", javaType = String.class),
      @Arg(column = "uploaded_by", javaType = String.class),
      @Arg(column = "on_behalf_of", javaType = String.class),
      @Arg(column = "uploaded_at", javaType = OffsetDateTime.class),
      @Arg(column = "text_status", javaType = TextStatus.class),
      @Arg(column = "text_note", javaType = String.class)
  })
  StoredFile findById(@Param("id") String id);

  @Select("SELECT extracted_text FROM stored_file WHERE id = #{id}")
  String findText(@Param("id") String id);

  /** A file waiting for another extraction attempt. */
  record PendingText(String id, String sha256, String mediaType, TextStatus status, int attempts) {}

  @Select("""
      SELECT id, sha256, media_type, text_status, text_attempts FROM stored_file
       WHERE text_status IN ('NOT_EXTRACTED', 'TIMEOUT') AND (text_retry_at IS NULL OR text_retry_at <= #{now})
       ORDER BY uploaded_at LIMIT #{limit}
      """)
  @ConstructorArgs({
      @Arg(column = "id", javaType = String.class),
      @Arg(column = "sha256", javaType = String.class),
      @Arg(column = "media_type", javaType = String.class),
      @Arg(column = "text_status", javaType = TextStatus.class),
      @Arg(column = "text_attempts", javaType = int.class)
  })
  java.util.List<PendingText> pendingText(@Param("now") OffsetDateTime now, @Param("limit") int limit);

  /** The outcome of a retry; only if nobody else retried (or erased) the file meanwhile. */
  @org.apache.ibatis.annotations.Update("""
      UPDATE stored_file SET text_status = #{status}, text_note = #{note}, extracted_text = #{text},
             text_attempts = #{attempts}, text_retry_at = #{retryAt}
       WHERE id = #{id} AND text_status = #{was} AND text_attempts = #{attempts} - 1
      """)
  int retried(@Param("id") String id, @Param("was") TextStatus was, @Param("status") TextStatus status,
              @Param("note") String note, @Param("text") String text, @Param("attempts") int attempts,
              @Param("retryAt") OffsetDateTime retryAt);

  @Select("SELECT COUNT(*) FROM stored_file")
  long count();

  @Select("SELECT COUNT(*) FROM stored_file WHERE sha256 = #{sha256}")
  long countBySha256(@Param("sha256") String sha256);

  @org.apache.ibatis.annotations.Delete("DELETE FROM stored_file WHERE id = #{id}")
  int delete(@Param("id") String id);
}
