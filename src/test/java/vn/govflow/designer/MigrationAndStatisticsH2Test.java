package vn.govflow.designer;

import vn.govflow.support.H2IntegrationTest;

class MigrationAndStatisticsH2Test extends H2IntegrationTest implements MigrationAndStatisticsScenarios {}
