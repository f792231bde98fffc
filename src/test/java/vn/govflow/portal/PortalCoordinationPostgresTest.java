package vn.govflow.portal;

import vn.govflow.support.PostgresIntegrationTest;

class PortalCoordinationPostgresTest extends PostgresIntegrationTest implements PortalCoordinationScenarios {}
