package vn.govflow.incoming;

import vn.govflow.support.H2IntegrationTest;

class TaskGuardH2Test extends H2IntegrationTest implements TaskGuardScenarios {}
