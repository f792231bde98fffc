package vn.govflow.incoming;

import vn.govflow.support.PostgresIntegrationTest;

class DirectionRemindersPostgresTest extends PostgresIntegrationTest implements DirectionRemindersScenarios {}
