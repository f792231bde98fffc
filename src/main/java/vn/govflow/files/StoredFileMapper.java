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

  @Select("SELECT COUNT(*) FROM stored_file")
  long count();

  @Select("SELECT COUNT(*) FROM stored_file WHERE sha256 = #{sha256}")
  long countBySha256(@Param("sha256") String sha256);

  @org.apache.ibatis.annotations.Delete("DELETE FROM stored_file WHERE id = #{id}")
  int delete(@Param("id") String id);
}
