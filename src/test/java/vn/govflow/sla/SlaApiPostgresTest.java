package vn.govflow.sla;

import vn.govflow.support.PostgresIntegrationTest;

class SlaApiPostgresTest extends PostgresIntegrationTest implements SlaApiScenarios {}
