package vn.govflow.incoming;

import vn.govflow.support.PostgresIntegrationTest;

class TaskGuardPostgresTest extends PostgresIntegrationTest implements TaskGuardScenarios {}
