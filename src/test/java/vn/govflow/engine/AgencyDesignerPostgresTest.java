package vn.govflow.engine;

import vn.govflow.support.PostgresIntegrationTest;

class AgencyDesignerPostgresTest extends PostgresIntegrationTest implements AgencyDesignerScenarios {}
