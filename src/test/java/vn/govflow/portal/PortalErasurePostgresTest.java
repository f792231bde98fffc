package vn.govflow.portal;

import vn.govflow.support.PostgresIntegrationTest;

class PortalErasurePostgresTest extends PostgresIntegrationTest implements PortalErasureScenarios {}
