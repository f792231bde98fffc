package vn.govflow.portal;

import vn.govflow.support.PostgresIntegrationTest;

class PortalApiPostgresTest extends PostgresIntegrationTest implements PortalApiScenarios {}
