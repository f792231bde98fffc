package vn.govflow.portal;

import vn.govflow.support.PostgresIntegrationTest;

class PortalStepRemindersPostgresTest extends PostgresIntegrationTest implements PortalStepRemindersScenarios {}
