package vn.govflow.designer;

import vn.govflow.support.PostgresIntegrationTest;

class DesignDeployPostgresTest extends PostgresIntegrationTest implements DesignDeployScenarios {}
