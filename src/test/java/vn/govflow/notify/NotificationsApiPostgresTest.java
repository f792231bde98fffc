package vn.govflow.notify;

import vn.govflow.support.PostgresIntegrationTest;

class NotificationsApiPostgresTest extends PostgresIntegrationTest implements NotificationsApiScenarios {}
