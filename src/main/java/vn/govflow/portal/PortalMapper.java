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
}
