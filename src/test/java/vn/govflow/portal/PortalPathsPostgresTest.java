package vn.govflow.portal;

import vn.govflow.support.PostgresIntegrationTest;

class PortalPathsPostgresTest extends PostgresIntegrationTest implements PortalPathsScenarios {}
