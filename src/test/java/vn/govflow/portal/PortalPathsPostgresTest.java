package vn.govflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.govflow.support.PostgresIntegrationTest;

class PortalPathsPostgresTest extends PostgresIntegrationTest implements PortalPathsScenarios {

  /** On PostgreSQL the substring searches of the register and the portal have trigram indexes (pg_trgm). */
  @Test
  void searchTextHasTrigramIndexes() {
    assertThat(bean(JdbcTemplate.class).queryForList("SELECT indexname FROM pg_indexes WHERE indexdef LIKE"
        + " '%gin_trgm_ops%'", String.class)).contains("ix_inc_document_search", "ix_portal_question_search");
  }
}
