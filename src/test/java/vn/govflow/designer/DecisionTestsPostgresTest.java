package vn.govflow.designer;

import vn.govflow.support.PostgresIntegrationTest;

class DecisionTestsPostgresTest extends PostgresIntegrationTest implements DecisionTestsScenarios {}
