package vn.govflow.notify;

import java.util.UUID;
import javax.sql.DataSource;
import org.apache.ibatis.session.SqlSessionFactory;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.mybatis.spring.SqlSessionFactoryBean;
import org.mybatis.spring.SqlSessionTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A fresh in-memory H2 migrated by our Flyway scripts, MyBatis bound to Spring transactions and a real
 * DataSourceTransactionManager: commit, rollback and after-commit behave as in the application.
 */
final class NotificationTestDb {
  final DataSource dataSource;
  final NotificationMapper mapper;
  final MailSentMapper mailSent;
  final DataSourceTransactionManager transactions;
  final TransactionTemplate tx;
  final JdbcTemplate jdbc;

  NotificationTestDb() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:notify-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    try {
      SqlSessionFactoryBean factoryBean = new SqlSessionFactoryBean();
      factoryBean.setDataSource(ds);
      SqlSessionFactory factory = factoryBean.getObject();
      factory.getConfiguration().setMapUnderscoreToCamelCase(true);
      factory.getConfiguration().addMapper(NotificationMapper.class);
      factory.getConfiguration().addMapper(MailSentMapper.class);
      SqlSessionTemplate session = new SqlSessionTemplate(factory);
      this.mapper = session.getMapper(NotificationMapper.class);
      this.mailSent = session.getMapper(MailSentMapper.class);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    this.dataSource = ds;
    this.transactions = new DataSourceTransactionManager(ds);
    this.tx = new TransactionTemplate(transactions);
    this.jdbc = new JdbcTemplate(ds);
  }

  int rows() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM notification", Integer.class);
  }
}
