package vn.govflow.calendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Arg;
import org.apache.ibatis.annotations.ConstructorArgs;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** The calendar module's tables. Only this module uses it; others go through {@link WorkingDayCalendar}. */
@Mapper
public interface CalendarMapper {

  record YearRow(int year, String notice, OffsetDateTime updatedAt, String updatedBy) {}

  record DayRow(LocalDate date, DayKind kind, String nameVi, String nameEn) {}

  @Select("SELECT sched_year, notice, updated_at, updated_by FROM cal_year_schedule ORDER BY sched_year")
  @ConstructorArgs({
      @Arg(column = "sched_year", javaType = int.class),
      @Arg(column = "notice", javaType = String.class),
      @Arg(column = "updated_at", javaType = OffsetDateTime.class),
      @Arg(column = "updated_by", javaType = String.class)})
  List<YearRow> findYears();

  @Select("SELECT sched_year, notice, updated_at, updated_by FROM cal_year_schedule WHERE sched_year = #{year}")
  @ConstructorArgs({
      @Arg(column = "sched_year", javaType = int.class),
      @Arg(column = "notice", javaType = String.class),
      @Arg(column = "updated_at", javaType = OffsetDateTime.class),
      @Arg(column = "updated_by", javaType = String.class)})
  YearRow findYear(@Param("year") int year);

  @Select("SELECT day_date, kind, name_vi, name_en FROM cal_day WHERE sched_year = #{year} ORDER BY day_date")
  @ConstructorArgs({
      @Arg(column = "day_date", javaType = LocalDate.class),
      @Arg(column = "kind", javaType = DayKind.class),
      @Arg(column = "name_vi", javaType = String.class),
      @Arg(column = "name_en", javaType = String.class)})
  List<DayRow> findDays(@Param("year") int year);

  @Delete("DELETE FROM cal_day WHERE sched_year = #{year}")
  int deleteDays(@Param("year") int year);

  @Delete("DELETE FROM cal_year_schedule WHERE sched_year = #{year}")
  int deleteYear(@Param("year") int year);

  @Insert("INSERT INTO cal_year_schedule (sched_year, notice, updated_at, updated_by)"
      + " VALUES (#{year}, #{notice}, #{updatedAt}, #{updatedBy})")
  void insertYear(@Param("year") int year, @Param("notice") String notice,
                  @Param("updatedAt") OffsetDateTime updatedAt, @Param("updatedBy") String updatedBy);

  @Insert("INSERT INTO cal_day (day_date, sched_year, kind, name_vi, name_en)"
      + " VALUES (#{date}, #{year}, #{kind}, #{nameVi}, #{nameEn})")
  void insertDay(@Param("year") int year, @Param("date") LocalDate date, @Param("kind") DayKind kind,
                 @Param("nameVi") String nameVi, @Param("nameEn") String nameEn);
}
