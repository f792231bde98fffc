package vn.govflow.outgoing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The postal register's rows (out_postal) as the clerk's page reads and marks them. */
@Mapper
interface OutgoingPostalMapper {
  /** One letter: the register's columns, the address written on the envelope and when it was posted. */
  record Letter(long id, String agencyCode, String documentId, int position, LocalDate sentDate,
                String numberSymbol, String recipient, int envelopes, String note, String address,
                OffsetDateTime postedAt, String postedBy) {}

  String COLUMNS = "id, agency_code, document_id, position, sent_date, number_symbol, recipient, envelopes, note,"
      + " address, posted_at, posted_by";

  @Select("SELECT " + COLUMNS + " FROM out_postal WHERE agency_code = #{agency} AND sent_date >= #{from}"
      + " AND sent_date <= #{to} ORDER BY sent_date, id")
  List<Letter> letters(@Param("agency") String agencyCode, @Param("from") LocalDate from, @Param("to") LocalDate to);

  @Select("SELECT " + COLUMNS + " FROM out_postal WHERE id = #{id} FOR UPDATE")
  Letter lock(@Param("id") long id);

  /** 0 rows when it was already posted (marked by someone else first). */
  @Update("UPDATE out_postal SET posted_at = #{at}, posted_by = #{by}, address = #{address}"
      + " WHERE id = #{id} AND posted_at IS NULL")
  int posted(@Param("id") long id, @Param("at") OffsetDateTime at, @Param("by") String by,
             @Param("address") String address);
}
