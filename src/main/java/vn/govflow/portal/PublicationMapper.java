package vn.govflow.portal;

import java.time.OffsetDateTime;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The published version of a question (issue #13 item 16), beside the original in portal_question. */
@Mapper
interface PublicationMapper {
  /** The original texts, the published ones (null when not edited) and who edited them when. */
  record Row(String question, String answer, String answerEn, String publishedQuestion, String publishedAnswer,
             String publishedAnswerEn, OffsetDateTime editedAt, String editedBy, String status) {}

  @Select("SELECT question, answer, answer_en, published_question, published_answer, published_answer_en,"
      + " published_edited_at, published_edited_by, status FROM portal_question WHERE id = #{id}")
  Row row(String id);

  @Update("UPDATE portal_question SET published_question = #{question}, published_answer = #{answer},"
      + " published_answer_en = #{answerEn}, published_search_text = #{search}, published_edited_at = #{at},"
      + " published_edited_by = #{by} WHERE id = #{id}")
  void setPublished(@Param("id") String id, @Param("question") String question, @Param("answer") String answer,
                    @Param("answerEn") String answerEn, @Param("search") String searchText,
                    @Param("at") OffsetDateTime at, @Param("by") String editedBy);

  @Update("UPDATE portal_question SET published_search_text = #{search} WHERE id = #{id}")
  void setSearch(@Param("id") String id, @Param("search") String searchText);

  /** The published texts as erasure rewrites them (seed 003 Art 27.2). */
  @Update("UPDATE portal_question SET published_question = #{question}, published_answer = #{answer},"
      + " published_answer_en = #{answerEn}, published_search_text = #{search} WHERE id = #{id}")
  void rewrite(@Param("id") String id, @Param("question") String question, @Param("answer") String answer,
               @Param("answerEn") String answerEn, @Param("search") String searchText);

  @Select("SELECT published_search_text FROM portal_question WHERE id = #{id}")
  String searchText(String id);
}
