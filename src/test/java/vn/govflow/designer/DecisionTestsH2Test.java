package vn.govflow.designer;

import vn.govflow.support.H2IntegrationTest;

class DecisionTestsH2Test extends H2IntegrationTest implements DecisionTestsScenarios {}
