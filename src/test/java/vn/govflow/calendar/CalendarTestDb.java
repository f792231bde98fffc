package vn.govflow.calendar;

import java.util.UUID;
import javax.sql.DataSource;
import org.apache.ibatis.session.SqlSessionFactory;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.mybatis.spring.SqlSessionFactoryBean;
import org.mybatis.spring.SqlSessionTemplate;

/** A fresh H2 in-memory database migrated by Flyway (our real migrations and seed), with the MyBatis mapper. */
final class CalendarTestDb {
  final DataSource dataSource;
  final CalendarMapper mapper;

  private CalendarTestDb(DataSource dataSource, CalendarMapper mapper) {
    this.dataSource = dataSource;
    this.mapper = mapper;
  }

  static CalendarTestDb h2() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:cal-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    return migrate(ds);
  }

  static CalendarTestDb migrate(DataSource ds) {
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    try {
      SqlSessionFactoryBean factoryBean = new SqlSessionFactoryBean();
      factoryBean.setDataSource(ds);
      SqlSessionFactory factory = factoryBean.getObject();
      factory.getConfiguration().addMapper(CalendarMapper.class);
      return new CalendarTestDb(ds, new SqlSessionTemplate(factory).getMapper(CalendarMapper.class));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The calendar with default office hours (08:00–17:00, Asia/Ho_Chi_Minh). */
  WorkingDayCalendarService calendar() {
    return new WorkingDayCalendarService(mapper, new CalendarProperties());
  }
}
