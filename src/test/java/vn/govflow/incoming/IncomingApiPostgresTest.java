package vn.govflow.incoming;

import vn.govflow.support.PostgresIntegrationTest;

class IncomingApiPostgresTest extends PostgresIntegrationTest implements IncomingApiScenarios {}
