package vn.govflow.identity;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Plain SQL over the identity tables; only {@link IdentityDirectory} uses it. */
@Mapper
interface IdentityMapper {
  @Select("SELECT code, short_name, name, name_en, parent_code, active FROM idn_agency ORDER BY code")
  List<Agency> agencies();

  @Select("SELECT code, short_name, name, name_en, parent_code, active FROM idn_agency WHERE code = #{code}")
  Agency agency(String code);

  @Select("SELECT id, agency_code, short_name, name, name_en FROM idn_department ORDER BY id")
  List<Department> departments();

  @Select("SELECT id, agency_code, short_name, name, name_en FROM idn_department WHERE id = #{id}")
  Department department(String id);

  @Select("SELECT code, name, name_en FROM idn_job_position WHERE code = #{code}")
  JobPosition jobPosition(String code);

  @Select("SELECT username, full_name, email, agency_code, department_id, job_position_code, kind, password_hash, active"
      + " FROM idn_person WHERE username = #{username}")
  PersonRow person(String username);

  @Select("SELECT username, full_name, email, agency_code, department_id, job_position_code, kind, password_hash, active"
      + " FROM idn_person ORDER BY username")
  List<PersonRow> people();

  @Select("SELECT role FROM idn_person_role WHERE username = #{username} ORDER BY role")
  List<String> roles(String username);

  @Select("SELECT username, role FROM idn_person_role")
  List<PersonRole> allRoles();

  @Select("SELECT COUNT(*) FROM idn_agency")
  int countAgencies();

  @Insert("INSERT INTO idn_agency(code, short_name, name, name_en, parent_code, active)"
      + " VALUES (#{code}, #{shortName}, #{name}, #{nameEn}, #{parentCode}, #{active})")
  void insertAgency(Agency agency);

  @Insert("INSERT INTO idn_department(id, agency_code, short_name, name, name_en)"
      + " VALUES (#{id}, #{agencyCode}, #{shortName}, #{name}, #{nameEn})")
  void insertDepartment(Department department);

  @Insert("INSERT INTO idn_job_position(code, name, name_en) VALUES (#{code}, #{name}, #{nameEn})")
  void insertJobPosition(JobPosition position);

  @Insert("INSERT INTO idn_person(username, full_name, email, agency_code, department_id, job_position_code, kind,"
      + " password_hash, active) VALUES (#{username}, #{fullName}, #{email}, #{agencyCode}, #{departmentId},"
      + " #{jobPositionCode}, #{kind}, #{passwordHash}, #{active})")
  void insertPerson(PersonRow person);

  @Insert("INSERT INTO idn_person_role(username, role) VALUES (#{username}, #{role})")
  void insertRole(@Param("username") String username, @Param("role") String role);

  record PersonRow(String username, String fullName, String email, String agencyCode, String departmentId,
                   String jobPositionCode, String kind, String passwordHash, boolean active) {}

  record PersonRole(String username, String role) {}
}
