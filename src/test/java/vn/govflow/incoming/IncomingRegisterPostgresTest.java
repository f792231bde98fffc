package vn.govflow.incoming;

import vn.govflow.support.PostgresIntegrationTest;

class IncomingRegisterPostgresTest extends PostgresIntegrationTest implements IncomingRegisterScenarios {}
