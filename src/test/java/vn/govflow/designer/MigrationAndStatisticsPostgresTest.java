package vn.govflow.designer;

import vn.govflow.support.PostgresIntegrationTest;

class MigrationAndStatisticsPostgresTest extends PostgresIntegrationTest implements MigrationAndStatisticsScenarios {}
