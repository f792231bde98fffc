package vn.govflow.portal;

import vn.govflow.support.PostgresIntegrationTest;

class PortalReportPostgresTest extends PostgresIntegrationTest implements PortalReportScenarios {}
