package vn.govflow.incoming;

import vn.govflow.support.PostgresIntegrationTest;

class IncomingStepsPostgresTest extends PostgresIntegrationTest implements IncomingStepsScenarios {}
