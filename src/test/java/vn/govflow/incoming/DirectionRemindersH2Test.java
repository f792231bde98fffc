package vn.govflow.incoming;

import vn.govflow.support.H2IntegrationTest;

class DirectionRemindersH2Test extends H2IntegrationTest implements DirectionRemindersScenarios {}
