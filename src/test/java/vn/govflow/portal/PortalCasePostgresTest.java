package vn.govflow.portal;

import vn.govflow.support.PostgresIntegrationTest;

class PortalCasePostgresTest extends PostgresIntegrationTest implements PortalCaseScenarios {}
