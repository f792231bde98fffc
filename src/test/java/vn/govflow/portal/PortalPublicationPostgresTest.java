package vn.govflow.portal;

import vn.govflow.support.PostgresIntegrationTest;

class PortalPublicationPostgresTest extends PostgresIntegrationTest implements PortalPublicationScenarios {}
