package vn.govflow.portal;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

@Mapper
interface PortalMapper {
  String COLUMNS = "id, tracking_code, asker_type, full_name, nationality, occupation, address, organisation_name,"
      + " representative_position, establishment_decision, head_office_address, email, phone, field, agency_code,"
      + " question, consent, foreigner, received_at, due_at, status, client_ip, anonymised_at";

  @Insert("INSERT INTO portal_question(" + COLUMNS + ") VALUES (#{id}, #{trackingCode}, #{askerType}, #{fullName},"
      + " #{nationality}, #{occupation}, #{address}, #{organisationName}, #{representativePosition},"
      + " #{establishmentDecision}, #{headOfficeAddress}, #{email}, #{phone}, #{field}, #{agencyCode}, #{question},"
      + " #{consent}, #{foreigner}, #{receivedAt}, #{dueAt}, #{status}, #{clientIp}, #{anonymisedAt})")
  void insert(PortalQuestion question);

  @Select("SELECT " + COLUMNS + " FROM portal_question WHERE tracking_code = #{code}")
  PortalQuestion byTrackingCode(String code);

  @org.apache.ibatis.annotations.Update("UPDATE portal_question SET process_instance_id = #{pi} WHERE id = #{id}")
  void setProcessInstance(@org.apache.ibatis.annotations.Param("id") String id,
                          @org.apache.ibatis.annotations.Param("pi") String processInstanceId);

  @org.apache.ibatis.annotations.Update("UPDATE portal_question SET status = #{status},"
      + " reject_reason = COALESCE(#{reason}, reject_reason) WHERE id = #{id}")
  void setStatus(@org.apache.ibatis.annotations.Param("id") String id,
                 @org.apache.ibatis.annotations.Param("status") String status,
                 @org.apache.ibatis.annotations.Param("reason") String rejectReason);

  @org.apache.ibatis.annotations.Update("UPDATE portal_question SET answering_agency = #{agency}, due_at = #{dueAt},"
      + " classification = #{classification}, status = 'IN_PROGRESS' WHERE id = #{id}")
  void setAnswering(@org.apache.ibatis.annotations.Param("id") String id,
                    @org.apache.ibatis.annotations.Param("agency") String agencyCode,
                    @org.apache.ibatis.annotations.Param("classification") String classification,
                    @org.apache.ibatis.annotations.Param("dueAt") java.time.OffsetDateTime dueAt);

  @org.apache.ibatis.annotations.Update("UPDATE portal_question SET status = 'ANSWERED', answer = #{answer},"
      + " answer_en = #{answerEn}, citations = #{citations}, no_citation_reason = #{noCitationReason},"
      + " publication = #{publication}, answered_at = #{at}, search_text = #{searchText} WHERE id = #{id}")
  void setAnswer(@org.apache.ibatis.annotations.Param("id") String id,
                 @org.apache.ibatis.annotations.Param("answer") String answer,
                 @org.apache.ibatis.annotations.Param("answerEn") String answerEn,
                 @org.apache.ibatis.annotations.Param("citations") String citationsJson,
                 @org.apache.ibatis.annotations.Param("noCitationReason") String noCitationReason,
                 @org.apache.ibatis.annotations.Param("publication") String publication,
                 @org.apache.ibatis.annotations.Param("at") java.time.OffsetDateTime at,
                 @org.apache.ibatis.annotations.Param("searchText") String searchText);

  /** A published answer as the public sees it: no name, address, identity number or contact. */
  record Published(String id, String trackingCode, String field, String question, String answer, String answerEn,
                   String citations, String answeringAgency, java.time.OffsetDateTime receivedAt,
                   java.time.OffsetDateTime answeredAt) {
    /** Times in the zone (PostgreSQL gives timestamptz back in UTC). */
    Published inZone(java.time.ZoneId zone) {
      return new Published(id, trackingCode, field, question, answer, answerEn, citations, answeringAgency,
          PortalQuestion.at(receivedAt, zone), PortalQuestion.at(answeredAt, zone));
    }
  }

  /** The published version where an editor made one (issue #13 item 16), else the original texts. */
  String PUBLISHED = "SELECT id, tracking_code, field, COALESCE(published_question, question) AS question,"
      + " COALESCE(published_answer, answer) AS answer, COALESCE(published_answer_en, answer_en) AS answer_en,"
      + " citations, answering_agency, received_at, answered_at FROM portal_question WHERE status = 'ANSWERED'"
      + " AND publication IN ('public', 'both')";

  @Select("<script>" + PUBLISHED
      + "<if test='field != null'> AND field = #{field}</if>"
      + "<if test='agency != null'> AND answering_agency = #{agency}</if>"
      + "<foreach item='term' collection='terms'> AND COALESCE(published_search_text, search_text) LIKE #{term}"
      + "</foreach> ORDER BY answered_at DESC LIMIT 100</script>")
  java.util.List<Published> published(@org.apache.ibatis.annotations.Param("field") String field,
                                      @org.apache.ibatis.annotations.Param("agency") String agencyCode,
                                      @org.apache.ibatis.annotations.Param("terms") java.util.List<String> terms);

  @Select(PUBLISHED + " AND id = #{id}")
  Published publishedById(String id);

  @Select("SELECT COALESCE(published_answer, answer) AS answer, COALESCE(published_answer_en, answer_en) AS"
      + " answer_en, citations, publication, answered_at, answering_agency FROM portal_question"
      + " WHERE tracking_code = #{code}")
  Answer answer(String code);

  record Answer(String answer, String answerEn, String citations, String publication,
                java.time.OffsetDateTime answeredAt, String answeringAgency) {
    Answer inZone(java.time.ZoneId zone) {
      return new Answer(answer, answerEn, citations, publication, PortalQuestion.at(answeredAt, zone), answeringAgency);
    }
  }

  /** Seed 003 Art 27.2: the asker's personal data are erased on request; the question and answer stay. */
  @org.apache.ibatis.annotations.Update("UPDATE portal_question SET full_name = NULL, nationality = NULL,"
      + " occupation = NULL, address = NULL, organisation_name = NULL, representative_position = NULL,"
      + " establishment_decision = NULL, head_office_address = NULL, email = NULL, phone = NULL, client_ip = NULL,"
      + " anonymised_at = #{at} WHERE id = #{id}")
  void erasePersonalData(@org.apache.ibatis.annotations.Param("id") String id,
                         @org.apache.ibatis.annotations.Param("at") java.time.OffsetDateTime at);

  /** The texts that may repeat the asker's identity (erasure rewrites them without it). */
  record Texts(String question, String answer, String answerEn, String searchText, String draftAnswer,
               String draftAnswerEn) {}

  @Select("SELECT question, answer, answer_en, search_text, draft_answer, draft_answer_en FROM portal_question"
      + " WHERE id = #{id}")
  Texts texts(String id);

  @org.apache.ibatis.annotations.Update("UPDATE portal_question SET question = #{t.question}, answer = #{t.answer},"
      + " answer_en = #{t.answerEn}, search_text = #{t.searchText}, draft_answer = #{t.draftAnswer},"
      + " draft_answer_en = #{t.draftAnswerEn} WHERE id = #{id}")
  void setTexts(@org.apache.ibatis.annotations.Param("id") String id,
                @org.apache.ibatis.annotations.Param("t") Texts texts);

  /** The answer being drafted, as the draft task last submitted it (issue #13 item 24). */
  @org.apache.ibatis.annotations.Update("UPDATE portal_question SET draft_answer = #{answer},"
      + " draft_answer_en = #{answerEn} WHERE id = #{id}")
  void setDraftAnswer(@org.apache.ibatis.annotations.Param("id") String id,
                      @org.apache.ibatis.annotations.Param("answer") String answer,
                      @org.apache.ibatis.annotations.Param("answerEn") String answerEn);





  /** An attached file as staff see it in the list. */
  record FileRow(String id, String originalName, String mediaType, long sizeBytes) {}


  /** The question's id by its tracking code, or by its own id, when its answer is published. */
  @Select(PUBLISHED + " AND (tracking_code = #{ref} OR id = #{ref})")
  Published publishedByReference(String ref);

  @org.apache.ibatis.annotations.Update("UPDATE portal_question SET duplicate_of = #{duplicateOf} WHERE id = #{id}")
  void setDuplicateOf(@org.apache.ibatis.annotations.Param("id") String id,
                      @org.apache.ibatis.annotations.Param("duplicateOf") String duplicateOf);

  /** Where the question sits now (routing, forwarding); staff of that agency may read it. */
  @org.apache.ibatis.annotations.Update("UPDATE portal_question SET answering_agency = #{agency} WHERE id = #{id}")
  void setAgency(@org.apache.ibatis.annotations.Param("id") String id,
                 @org.apache.ibatis.annotations.Param("agency") String agencyCode);

  @org.apache.ibatis.annotations.Update("UPDATE portal_question SET answer_sent_at = #{at} WHERE id = #{id}")
  void setAnswerSent(@org.apache.ibatis.annotations.Param("id") String id,
                     @org.apache.ibatis.annotations.Param("at") java.time.OffsetDateTime at);

  /** What staff need besides the question itself. */
  record Handling(String processInstanceId, String answeringAgency, String rejectReason, String duplicateOf,
                  String publication, java.time.OffsetDateTime answeredAt, java.time.OffsetDateTime answerSentAt,
                  String classification) {}

  @Select("SELECT process_instance_id, answering_agency, reject_reason, duplicate_of, publication, answered_at,"
      + " answer_sent_at, classification FROM portal_question WHERE id = #{id}")
  Handling handling(String id);

  @Select("SELECT " + COLUMNS + " FROM portal_question WHERE id = #{id}")
  PortalQuestion byId(String id);


  /** One line of the staff list of questions. */
  record Row(String id, String trackingCode, String field, String answeringAgency, String status,
             java.time.OffsetDateTime receivedAt, java.time.OffsetDateTime dueAt, java.time.OffsetDateTime answeredAt,
             String question) {}

  /** Newest first; an agency's staff see what is routed to their agency, editors everything (agency null). */
  @Select("<script>SELECT id, tracking_code, field, answering_agency, status, received_at, due_at, answered_at,"
      + " question FROM portal_question WHERE 1 = 1"
      + "<if test='agency != null'> AND answering_agency = #{agency}</if>"
      + "<if test='status != null'> AND status = #{status}</if>"
      + "<if test='overdueAt != null'> AND status IN ('RECEIVED', 'IN_PROGRESS') AND due_at &lt; #{overdueAt}</if>"
      + "<foreach item='term' collection='terms'> AND (search_text LIKE #{term} OR LOWER(tracking_code) LIKE #{term})"
      + "</foreach> ORDER BY received_at DESC LIMIT 200</script>")
  java.util.List<Row> rows(@org.apache.ibatis.annotations.Param("agency") String agencyCode,
                           @org.apache.ibatis.annotations.Param("status") String status,
                           @org.apache.ibatis.annotations.Param("overdueAt") java.time.OffsetDateTime overdueAt,
                           @org.apache.ibatis.annotations.Param("terms") java.util.List<String> terms);

  @org.apache.ibatis.annotations.Update("UPDATE portal_question SET search_text = #{text} WHERE id = #{id}")
  void setSearchText(@org.apache.ibatis.annotations.Param("id") String id,
                     @org.apache.ibatis.annotations.Param("text") String text);

  /** A coordinator of a multi-sector question: an agency (username null) or a named person of an agency. */
  record Coordination(String agencyCode, String username) {}

  @Insert("INSERT INTO portal_coordination(question_id, agency_code, username, created_at)"
      + " VALUES (#{id}, #{agency}, #{username}, #{at})")
  void insertCoordination(@org.apache.ibatis.annotations.Param("id") String questionId,
                          @org.apache.ibatis.annotations.Param("agency") String agencyCode,
                          @org.apache.ibatis.annotations.Param("username") String username,
                          @org.apache.ibatis.annotations.Param("at") java.time.OffsetDateTime at);

  @org.apache.ibatis.annotations.Delete("DELETE FROM portal_coordination WHERE question_id = #{id}")
  void deleteCoordinations(String questionId);

  @Select("SELECT agency_code, username FROM portal_coordination WHERE question_id = #{id}"
      + " ORDER BY created_at, agency_code, username")
  java.util.List<Coordination> coordinations(String questionId);
}
