package vn.govflow.notify;

import vn.govflow.support.H2IntegrationTest;

class NotificationsApiH2Test extends H2IntegrationTest implements NotificationsApiScenarios {}
